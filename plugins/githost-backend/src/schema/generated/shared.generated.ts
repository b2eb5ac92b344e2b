// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

/** The spec without its paths, and the components several resources use. */
export const document = {
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
} as const;

export const sharedComponents = {
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
      description:
        'Number of the merge request within its repository; at most nine digits, within the range of its integer column on every database.',
      schema: {
        type: 'string',
        pattern: '^[1-9][0-9]{0,8}$',
      },
    },
    Ref: {
      name: 'ref',
      in: 'query',
      required: false,
      description: 'Branch, tag or commit sha; the default branch when absent.',
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
} as const;

export const sharedSchemas = {
  Timestamp: {
    type: 'string',
    format: 'date-time',
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
} as const;
