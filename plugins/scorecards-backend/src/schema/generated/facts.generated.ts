// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/facts` routes of the spec, and the schemas only they use. */
export const factsPaths = {
  '/facts': {
    post: {
      operationId: 'pushFacts',
      summary:
        'CI reports facts (e.g. ci.coverage) and the manifests its chart renders; service tokens only.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['entityRef'],
              additionalProperties: {
                not: {},
              },
              properties: {
                entityRef: {
                  $ref: '#/components/schemas/EntityRef',
                },
                facts: {
                  type: 'array',
                  maxItems: 50,
                  items: {
                    type: 'object',
                    required: ['id', 'value'],
                    additionalProperties: {
                      not: {},
                    },
                    properties: {
                      id: {
                        type: 'string',
                        pattern: '^ci\\.[a-zA-Z][a-zA-Z0-9-]*$',
                      },
                      value: {},
                    },
                  },
                },
                manifests: {
                  type: 'array',
                  maxItems: 500,
                  description:
                    'Rendered Kubernetes objects, each nesting objects and arrays at most 64 levels deep (the object itself the first).',
                  items: {
                    type: 'object',
                    required: ['apiVersion', 'kind'],
                    properties: {
                      apiVersion: {
                        type: 'string',
                      },
                      kind: {
                        type: 'string',
                      },
                    },
                  },
                },
                runUrl: {
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
          description: 'What was stored.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['entityRef', 'accepted'],
                properties: {
                  entityRef: {
                    type: 'string',
                  },
                  accepted: {
                    type: 'integer',
                  },
                  violations: {
                    type: 'integer',
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
        '403': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
} as const;

export const factsSchemas = {} as const;
