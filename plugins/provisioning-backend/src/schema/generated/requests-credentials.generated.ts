// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-credentials` routes of the spec, and the schemas only they use. */
export const requestsCredentialsPaths = {
  '/requests/{id}/credentials': {
    get: {
      operationId: 'GetCredentials',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary:
        'The password of a ready database whose credentials Paved keeps; audited, no-store.',
      responses: {
        '200': {
          description: 'The credentials.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseCredentials',
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

export const requestsCredentialsSchemas = {
  DatabaseCredentials: {
    type: 'object',
    additionalProperties: false,
    required: [
      'host',
      'port',
      'database',
      'username',
      'password',
      'connectionString',
    ],
    properties: {
      host: {
        type: 'string',
      },
      port: {
        type: 'integer',
      },
      database: {
        type: 'string',
      },
      username: {
        type: 'string',
      },
      password: {
        type: 'string',
      },
      connectionString: {
        type: 'string',
      },
      keyPrefix: {
        description: 'Redis only; every key of the user starts with it.',
        type: 'string',
      },
    },
  },
} as const;
