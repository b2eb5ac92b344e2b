// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/devex-measures` routes of the spec, and the schemas only they use. */
export const devexMeasuresPaths = {
  '/devex/measures': {
    get: {
      operationId: 'GetDevexMeasures',
      summary:
        'Time to first production deployment, self-service ratio and template adoption.',
      parameters: [
        {
          $ref: '#/components/parameters/entityRef',
        },
        {
          $ref: '#/components/parameters/group',
        },
      ],
      responses: {
        '200': {
          description: 'The measures.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DevexMeasuresResponse',
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
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
} as const;

export const devexMeasuresSchemas = {
  DevexMeasuresResponse: {
    type: 'object',
    required: ['timeToFirstDeployment', 'selfService', 'templateAdoption'],
    properties: {
      timeToFirstDeployment: {
        type: 'object',
        required: ['medianHours', 'samples', 'pending', 'services'],
        properties: {
          medianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          samples: {
            type: 'integer',
          },
          pending: {
            type: 'integer',
            description:
              'Services created from a template that have not deployed to production yet.',
          },
          services: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'entityRef',
                'templateRef',
                'templateVersion',
                'createdAt',
                'firstDeploymentAt',
                'hours',
              ],
              properties: {
                entityRef: {
                  type: 'string',
                },
                templateRef: {
                  type: ['string', 'null'],
                },
                templateVersion: {
                  type: ['string', 'null'],
                },
                createdAt: {
                  type: 'string',
                },
                firstDeploymentAt: {
                  type: ['string', 'null'],
                },
                hours: {
                  $ref: '#/components/schemas/NullableNumber',
                },
              },
            },
          },
        },
      },
      selfService: {
        type: 'object',
        description:
          'Provisioning requests that reached ready with no person having to act, over all requests.\n',
        required: ['ratio', 'automated', 'total'],
        properties: {
          ratio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          automated: {
            type: 'integer',
          },
          total: {
            type: 'integer',
          },
        },
      },
      templateAdoption: {
        type: 'object',
        required: ['components', 'fromTemplate', 'ratio', 'templates'],
        properties: {
          components: {
            type: 'integer',
          },
          fromTemplate: {
            type: 'integer',
          },
          ratio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          templates: {
            type: 'array',
            items: {
              type: 'object',
              required: ['templateRef', 'components'],
              properties: {
                templateRef: {
                  type: 'string',
                },
                components: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
