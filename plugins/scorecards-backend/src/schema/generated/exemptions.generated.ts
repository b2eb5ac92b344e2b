// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/exemptions` routes of the spec, and the schemas only they use. */
export const exemptionsPaths = {
  '/exemptions': {
    get: {
      operationId: 'listExemptions',
      parameters: [
        {
          name: 'entityRef',
          in: 'query',
          schema: {
            $ref: '#/components/schemas/EntityRef',
          },
        },
        {
          name: 'status',
          in: 'query',
          schema: {
            type: 'string',
            enum: ['pending', 'approved', 'rejected', 'expired'],
          },
        },
      ],
      responses: {
        '200': {
          description: 'Exemptions, newest first.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/Exemption',
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
      },
    },
    post: {
      operationId: 'requestExemption',
      summary:
        'An owner asks to leave one check out for one entity until a date.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['entityRef', 'checkId', 'reason', 'expiresAt'],
              additionalProperties: {
                not: {},
              },
              properties: {
                entityRef: {
                  $ref: '#/components/schemas/EntityRef',
                },
                checkId: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 63,
                },
                reason: {
                  type: 'string',
                  minLength: 10,
                  maxLength: 2000,
                },
                expiresAt: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'The exemption, pending review by the platform team.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Exemption',
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
        '409': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
  '/exemptions/{id}': {
    parameters: [
      {
        $ref: '#/components/parameters/id',
      },
    ],
    get: {
      operationId: 'getExemption',
      responses: {
        '200': {
          description: 'The exemption.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Exemption',
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
        '404': {
          $ref: '#/components/responses/Error',
        },
      },
    },
    delete: {
      operationId: 'withdrawExemption',
      summary: 'The requester or the platform team withdraws it.',
      responses: {
        '204': {
          description: 'Withdrawn.',
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
      },
    },
  },
} as const;

export const exemptionsSchemas = {} as const;
