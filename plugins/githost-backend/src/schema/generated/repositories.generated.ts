// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

/** The `/repositories` routes of the spec, and the schemas only they use. */
export const repositoriesPaths = {
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
} as const;

export const repositoriesSchemas = {
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
} as const;
