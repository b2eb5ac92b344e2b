// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/dora` routes of the spec, and the schemas only they use. */
export const doraPaths = {
  '/dora': {
    get: {
      operationId: 'GetDora',
      summary:
        'The DORA metrics of a service, a team or the organisation in a window.',
      parameters: [
        {
          $ref: '#/components/parameters/from',
        },
        {
          $ref: '#/components/parameters/to',
        },
        {
          $ref: '#/components/parameters/entityRef',
        },
        {
          $ref: '#/components/parameters/group',
        },
      ],
      responses: {
        '200': {
          description:
            'The metrics; medians and ratios without samples are null, never 0.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DoraMetricsResponse',
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

export const doraSchemas = {
  DoraLevel: {
    type: ['string', 'null'],
    enum: ['elite', 'high', 'medium', 'low', null],
  },
  DoraMetricsResponse: {
    type: 'object',
    required: [
      'scope',
      'window',
      'deploymentFrequency',
      'leadTime',
      'changeFailureRate',
      'recoveryTime',
      'reworkRate',
      'timeToRestore',
      'bands',
      'reportYear',
      'levelBands',
      'sources',
      'demo',
    ],
    properties: {
      scope: {
        $ref: '#/components/schemas/Scope',
      },
      window: {
        $ref: '#/components/schemas/Window',
      },
      deploymentFrequency: {
        type: 'object',
        required: ['deployments', 'perWeek', 'level'],
        properties: {
          deployments: {
            type: 'integer',
          },
          perWeek: {
            type: 'number',
          },
          level: {
            $ref: '#/components/schemas/DoraLevel',
          },
        },
      },
      leadTime: {
        type: 'object',
        required: ['medianHours', 'p90Hours', 'samples', 'level'],
        properties: {
          medianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          p90Hours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          samples: {
            type: 'integer',
          },
          level: {
            $ref: '#/components/schemas/DoraLevel',
          },
        },
      },
      changeFailureRate: {
        type: 'object',
        required: ['ratio', 'failedDeployments', 'deployments', 'level'],
        properties: {
          ratio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          failedDeployments: {
            type: 'integer',
          },
          deployments: {
            type: 'integer',
          },
          level: {
            $ref: '#/components/schemas/DoraLevel',
          },
        },
      },
      recoveryTime: {
        type: 'object',
        required: ['medianHours', 'samples', 'open', 'level'],
        properties: {
          medianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          samples: {
            type: 'integer',
          },
          open: {
            type: 'integer',
          },
          level: {
            $ref: '#/components/schemas/DoraLevel',
          },
        },
      },
      reworkRate: {
        type: 'object',
        required: ['ratio', 'reworkDeployments', 'deployments'],
        properties: {
          ratio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          reworkDeployments: {
            type: 'integer',
          },
          deployments: {
            type: 'integer',
          },
        },
      },
      timeToRestore: {
        type: 'object',
        required: ['medianHours', 'samples', 'open'],
        properties: {
          medianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          samples: {
            type: 'integer',
          },
          open: {
            type: 'integer',
          },
        },
      },
      bands: {
        description:
          'The thresholds levels were judged by; null when the chosen report has no tiers.',
        oneOf: [
          {
            $ref: '#/components/schemas/Bands',
          },
          {
            type: 'null',
          },
        ],
      },
      reportYear: {
        type: 'integer',
        description:
          'Year of the report behind the levels (levelBands names it in full).',
      },
      levelBands: {
        $ref: '#/components/schemas/LevelBandSet',
      },
      sources: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      demo: {
        type: 'boolean',
      },
    },
  },
} as const;
