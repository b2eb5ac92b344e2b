// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

/** The `/repositories-merge-requests` routes of the spec, and the schemas only they use. */
export const repositoriesMergeRequestsPaths = {
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
} as const;

export const repositoriesMergeRequestsSchemas = {
  BranchName: {
    type: 'string',
    maxLength: 200,
    pattern:
      '^(?!.*\\/\\/)(?!.*\\.\\.)(?!.*@\\{)(?!.*\\.lock(?:\\/|$))(?!.*\\/\\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,199}(?<![./])$',
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
} as const;
