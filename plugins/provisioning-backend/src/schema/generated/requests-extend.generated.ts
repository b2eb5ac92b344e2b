// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-extend` routes of the spec, and the schemas only they use. */
export const requestsExtendPaths = {
  '/requests/{id}/extend': {
    post: {
      operationId: 'ExtendRequest',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary:
        "Moves an ephemeral database's expiry, within the environment's maximum lifetime.",
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ExtendDatabaseRequest',
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The request with its new expiry.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseRequest',
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
        '409': {
          $ref: '#/components/responses/Conflict',
        },
      },
    },
  },
} as const;

export const requestsExtendSchemas = {
  ExtendDatabaseRequest: {
    type: 'object',
    additionalProperties: false,
    properties: {
      hours: {
        type: 'integer',
        minimum: 1,
      },
    },
  },
} as const;
