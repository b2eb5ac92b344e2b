// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/policies` routes of the spec, and the schemas only they use. */
export const policiesPaths = {
  '/policies': {
    get: {
      operationId: 'listPolicies',
      summary:
        'The ValidatingAdmissionPolicies evaluated against pushed manifests.',
      responses: {
        '200': {
          description: 'Policies.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['name', 'title'],
                      properties: {
                        name: {
                          type: 'string',
                        },
                        title: {
                          type: 'string',
                        },
                      },
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
} as const;

export const policiesSchemas = {} as const;
