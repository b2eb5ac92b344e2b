// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

/** The `/repositories-tree` routes of the spec, and the schemas only they use. */
export const repositoriesTreePaths = {
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
} as const;

export const repositoriesTreeSchemas = {
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
} as const;
