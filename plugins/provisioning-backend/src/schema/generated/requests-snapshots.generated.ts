// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-snapshots` routes of the spec, and the schemas only they use. */
export const requestsSnapshotsPaths = {
  '/requests/{id}/snapshots': {
    get: {
      operationId: 'ListSnapshots',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary:
        "The database's snapshots that are kept, newest first, with size and expiry.",
      responses: {
        '200': {
          description: 'The snapshots.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/DatabaseSnapshot',
                    },
                  },
                },
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
        '401': {
          $ref: '#/components/responses/Unauthorized',
        },
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
} as const;

export const requestsSnapshotsSchemas = {
  DatabaseSnapshot: {
    type: 'object',
    additionalProperties: false,
    required: [
      'id',
      'requestId',
      'operationId',
      'kind',
      'sizeBytes',
      'createdAt',
      'expiresAt',
    ],
    properties: {
      id: {
        type: 'string',
      },
      requestId: {
        type: 'string',
      },
      operationId: {
        type: 'string',
      },
      kind: {
        type: 'string',
        enum: ['manual', 'safety'],
      },
      label: {
        type: 'string',
      },
      sizeBytes: {
        type: 'integer',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      expiresAt: {
        type: 'string',
        format: 'date-time',
        description: 'When the retention policy removes it.',
      },
    },
  },
} as const;
