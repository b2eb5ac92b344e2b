// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'githost',
    version: '1',
    description:
      "Paved's local git host (plugin id githost, mounted at /api/githost): repositories to browse and merge requests to open, merge and close. Git itself (clone, fetch, push) is served at /api/githost/<name>.git by git's smart HTTP protocol, outside this spec. Every route needs a Backstage token (user or service). Errors are Backstage's error body; the message names every broken rule as `<field>: <problem> (rule: <rule>)`.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      Repository: {
        name: 'name',
        in: 'path',
        required: true,
        description: 'Repository name on the local git host.',
        schema: {
          type: 'string',
          pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
        },
      },
      MergeRequestId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Number of the merge request within its repository.',
        schema: {
          type: 'string',
          pattern: '^[1-9][0-9]{0,9}$',
        },
      },
      Ref: {
        name: 'ref',
        in: 'query',
        required: false,
        description:
          'Branch, tag or commit sha; the default branch when absent.',
        schema: {
          type: 'string',
          maxLength: 255,
          pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$',
        },
      },
      FilePath: {
        name: 'path',
        in: 'query',
        required: false,
        description:
          'Path inside the repository, without a leading slash; the root when absent.',
        schema: {
          type: 'string',
          maxLength: 4096,
        },
      },
    },
    schemas: {
      BranchName: {
        type: 'string',
        maxLength: 200,
        pattern:
          '^(?!.*\\/\\/)(?!.*\\.\\.)(?!.*@\\{)(?!.*\\.lock(?:\\/|$))(?!.*\\/\\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,199}(?<![./])$',
      },
      Timestamp: {
        type: 'string',
        format: 'date-time',
      },
      RepositorySummary: {
        type: 'object',
        required: ['name', 'description', 'cloneUrl', 'url'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          cloneUrl: {
            type: 'string',
            description: '`git clone` URL: `<backend>/api/githost/<name>.git`.',
          },
          url: {
            type: 'string',
            description: "The repository's page in the portal.",
          },
        },
      },
      Branch: {
        type: 'object',
        required: ['name', 'commit', 'committedAt', 'subject'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          commit: {
            type: 'string',
          },
          committedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          subject: {
            type: 'string',
            description: "First line of the head commit's message.",
          },
        },
      },
      Repository: {
        type: 'object',
        required: [
          'name',
          'description',
          'cloneUrl',
          'url',
          'defaultBranch',
          'branches',
          'entityRefs',
          'viewer',
        ],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          cloneUrl: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          defaultBranch: {
            type: 'string',
            description:
              'The branch HEAD points at; empty for a repository without commits.',
          },
          branches: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Branch',
            },
          },
          entityRefs: {
            type: 'array',
            description:
              'Catalog entities defined in this repository (their `backstage.io/managed-by-location` points into it).',
            items: {
              type: 'string',
            },
          },
          viewer: {
            type: 'object',
            description: 'What the asking user may do here.',
            required: ['mayWrite'],
            additionalProperties: false,
            properties: {
              mayWrite: {
                type: 'boolean',
                description:
                  "May push and merge (owners of the repository's components and the platform team).",
              },
              reason: {
                type: 'string',
                description: 'Why not, when `mayWrite` is false.',
              },
            },
          },
        },
      },
      TreeEntry: {
        type: 'object',
        required: ['name', 'path', 'type'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          type: {
            type: 'string',
            enum: ['file', 'directory', 'symlink', 'submodule'],
          },
          size: {
            type: 'integer',
            description: 'Bytes, for files.',
          },
        },
      },
      Tree: {
        type: 'object',
        required: ['ref', 'commit', 'path', 'entries'],
        additionalProperties: false,
        properties: {
          ref: {
            type: 'string',
          },
          commit: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          entries: {
            type: 'array',
            description: 'Directories first, then files, each by name.',
            items: {
              $ref: '#/components/schemas/TreeEntry',
            },
          },
        },
      },
      Blob: {
        type: 'object',
        required: ['ref', 'commit', 'path', 'size', 'binary', 'truncated'],
        additionalProperties: false,
        properties: {
          ref: {
            type: 'string',
          },
          commit: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          size: {
            type: 'integer',
            description: 'Bytes of the whole file.',
          },
          binary: {
            type: 'boolean',
            description:
              'True when the file is not text; `content` is then absent.',
          },
          truncated: {
            type: 'boolean',
            description:
              'True when the file is larger than the limit (1 MiB); `content` holds its beginning.',
          },
          content: {
            type: 'string',
            description: 'The file as UTF-8 text.',
          },
        },
      },
      MergeRequest: {
        type: 'object',
        required: [
          'repository',
          'id',
          'title',
          'description',
          'sourceBranch',
          'targetBranch',
          'state',
          'conflicted',
          'author',
          'sourceCommit',
          'createdAt',
          'updatedAt',
          'url',
        ],
        additionalProperties: false,
        properties: {
          repository: {
            type: 'string',
          },
          id: {
            type: 'integer',
            description: 'Number within the repository, shown as `!<id>`.',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
            description: 'Markdown.',
          },
          sourceBranch: {
            type: 'string',
          },
          targetBranch: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['open', 'merged', 'closed'],
          },
          conflicted: {
            type: 'boolean',
            description:
              'Opened with conflicts committed as conflict markers (needs attention). It merges only once the source branch has a new commit and no conflict markers are left.',
          },
          author: {
            type: 'string',
            description:
              'A user entity ref, or `plugin:<id>` for a backend plugin.',
          },
          sourceCommit: {
            type: 'string',
            description:
              'Head of the source branch when the merge request was opened.',
          },
          mergeCommit: {
            type: 'string',
          },
          mergedBy: {
            type: 'string',
          },
          closedBy: {
            type: 'string',
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          url: {
            type: 'string',
            description: 'Its page in the portal.',
          },
        },
      },
      Diff: {
        type: 'object',
        required: ['base', 'head', 'files', 'text', 'truncated'],
        additionalProperties: false,
        properties: {
          base: {
            type: 'string',
            description:
              'The merge base (or, once merged, the target before the merge).',
          },
          head: {
            type: 'string',
            description: 'The source commit compared.',
          },
          files: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'additions', 'deletions', 'binary'],
              additionalProperties: false,
              properties: {
                path: {
                  type: 'string',
                },
                additions: {
                  type: 'integer',
                },
                deletions: {
                  type: 'integer',
                },
                binary: {
                  type: 'boolean',
                },
              },
            },
          },
          text: {
            type: 'string',
            description:
              'Unified diff (`git diff target...source`), at most 1 MiB.',
          },
          truncated: {
            type: 'boolean',
          },
        },
      },
      MergeRequestDetail: {
        type: 'object',
        required: ['mergeRequest', 'mergeability'],
        additionalProperties: false,
        properties: {
          mergeRequest: {
            $ref: '#/components/schemas/MergeRequest',
          },
          diff: {
            $ref: '#/components/schemas/Diff',
            description: 'Absent when the commits it compared no longer exist.',
          },
          mergeability: {
            type: 'object',
            required: ['mergeable'],
            additionalProperties: false,
            properties: {
              mergeable: {
                type: 'boolean',
                description: 'Whether the asking user could merge it now.',
              },
              reason: {
                type: 'string',
                description:
                  "Why not, in Paved's format `<field>: <problem> (rule: <rule>)`.",
              },
            },
          },
        },
      },
      NewMergeRequest: {
        type: 'object',
        required: ['sourceBranch', 'title'],
        additionalProperties: {
          not: {},
        },
        properties: {
          sourceBranch: {
            $ref: '#/components/schemas/BranchName',
          },
          targetBranch: {
            $ref: '#/components/schemas/BranchName',
            description: "The repository's default branch when absent.",
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          description: {
            type: 'string',
            maxLength: 65536,
            description: 'Markdown.',
          },
          conflicted: {
            type: 'boolean',
            default: false,
          },
        },
      },
      MergeOptions: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          sourceCommit: {
            type: 'string',
            pattern: '^[0-9a-f]{40,64}$',
            description:
              'The source head the merger reviewed; the merge is refused (409) if the branch has moved since.',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
                description:
                  '`<field>: <problem> (rule: <rule>)`, every violation named, separated by `; `.',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
    },
    responses: {
      Error: {
        description: "Backstage's error body.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
  },
  paths: {
    '/repositories': {
      get: {
        operationId: 'ListRepositories',
        summary: 'The repositories on the local git host.',
        responses: {
          '200': {
            description: 'By name.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/RepositorySummary',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}': {
      get: {
        operationId: 'GetRepository',
        summary:
          'A repository, its branches, the entities defined in it and what the asking user may do.',
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
        ],
        responses: {
          '200': {
            description: 'The repository.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Repository',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}/tree': {
      get: {
        operationId: 'GetTree',
        summary: 'A directory of the repository at a ref.',
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
          {
            $ref: '#/components/parameters/Ref',
          },
          {
            $ref: '#/components/parameters/FilePath',
          },
        ],
        responses: {
          '200': {
            description: "The directory's entries.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Tree',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}/blob': {
      get: {
        operationId: 'GetBlob',
        summary: 'A file of the repository at a ref (text, at most 1 MiB).',
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
          {
            $ref: '#/components/parameters/Ref',
          },
          {
            name: 'path',
            in: 'query',
            required: true,
            description: 'Path of the file, without a leading slash.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 4096,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The file.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Blob',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}/merge-requests': {
      get: {
        operationId: 'ListMergeRequests',
        summary: "The repository's merge requests, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
          {
            name: 'state',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['open', 'merged', 'closed', 'all'],
              default: 'all',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The merge requests.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/MergeRequest',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'OpenMergeRequest',
        summary:
          'Opens a merge request (idempotent on repository and source branch while open).',
        description:
          'Any signed-in user or backend plugin may propose a change. While a merge request from the same source branch into the same target is open, opening it again answers that one with 200 and changes nothing; into another target it is a 409.',
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewMergeRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Already open; the existing merge request, unchanged.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MergeRequest',
                },
              },
            },
          },
          '201': {
            description: 'Opened.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MergeRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}/merge-requests/{id}': {
      get: {
        operationId: 'GetMergeRequest',
        summary:
          'A merge request with its diff and whether the asking user may merge it now.',
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
          {
            $ref: '#/components/parameters/MergeRequestId',
          },
        ],
        responses: {
          '200': {
            description: 'The merge request.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MergeRequestDetail',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}/merge-requests/{id}/merge': {
      post: {
        operationId: 'MergeMergeRequest',
        summary:
          'Merges the source branch into the target with a merge commit (owners and the platform team).',
        description:
          "A real `--no-ff` merge in the bare repository. Refused with 403 for anyone but the owners of the repository's components and the platform team (users only), and with 409 when the merge request is not open, still conflicted, conflicts with the target as it is now, or its source moved away from `sourceCommit`. Merging a merge request whose source the target already contains records it as merged without a new commit.",
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
          {
            $ref: '#/components/parameters/MergeRequestId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MergeOptions',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Merged.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MergeRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/repositories/{name}/merge-requests/{id}/close': {
      post: {
        operationId: 'CloseMergeRequest',
        summary:
          'Closes a merge request without merging (its author, the owners, the platform team).',
        parameters: [
          {
            $ref: '#/components/parameters/Repository',
          },
          {
            $ref: '#/components/parameters/MergeRequestId',
          },
        ],
        responses: {
          '200': {
            description: 'Closed (or already closed).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MergeRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
