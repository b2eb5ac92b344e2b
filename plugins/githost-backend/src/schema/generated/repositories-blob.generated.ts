// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

/** The `/repositories-blob` routes of the spec, and the schemas only they use. */
export const repositoriesBlobPaths = {
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
} as const;

export const repositoriesBlobSchemas = {
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
} as const;
