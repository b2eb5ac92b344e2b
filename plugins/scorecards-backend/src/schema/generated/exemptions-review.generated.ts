// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/exemptions-review` routes of the spec, and the schemas only they use. */
export const exemptionsReviewPaths = {
  '/exemptions/{id}/review': {
    parameters: [
      {
        $ref: '#/components/parameters/id',
      },
    ],
    post: {
      operationId: 'reviewExemption',
      summary:
        'A platform-team member other than the requester approves or rejects.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['decision'],
              additionalProperties: {
                not: {},
              },
              properties: {
                decision: {
                  type: 'string',
                  enum: ['approve', 'reject'],
                },
                comment: {
                  type: 'string',
                  maxLength: 2000,
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The reviewed exemption.',
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

export const exemptionsReviewSchemas = {} as const;
