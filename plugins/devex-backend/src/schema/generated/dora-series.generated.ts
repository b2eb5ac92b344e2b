// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/dora-series` routes of the spec, and the schemas only they use. */
export const doraSeriesPaths = {
  '/dora/series': {
    get: {
      operationId: 'GetDoraSeries',
      summary: 'Weekly DORA points for charts, cut in a time zone.',
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
        {
          name: 'bucket',
          in: 'query',
          schema: {
            type: 'string',
            enum: ['week'],
          },
        },
        {
          name: 'tz',
          in: 'query',
          allowReserved: true,
          description:
            "IANA time zone (default the team's configured zone, then devex.timeZone).",
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
        },
      ],
      responses: {
        '200': {
          description: 'One point per ISO week.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DoraSeriesResponse',
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

export const doraSeriesSchemas = {
  DoraSeriesPoint: {
    type: 'object',
    required: [
      'week',
      'start',
      'deployments',
      'leadTimeMedianHours',
      'leadTimeSamples',
      'changeFailureRate',
      'failedDeployments',
      'recoveryMedianHours',
      'reworkRate',
    ],
    properties: {
      week: {
        type: 'string',
      },
      start: {
        type: 'string',
      },
      deployments: {
        type: 'integer',
      },
      leadTimeMedianHours: {
        $ref: '#/components/schemas/NullableNumber',
      },
      leadTimeSamples: {
        type: 'integer',
      },
      changeFailureRate: {
        $ref: '#/components/schemas/NullableNumber',
      },
      failedDeployments: {
        type: 'integer',
      },
      recoveryMedianHours: {
        $ref: '#/components/schemas/NullableNumber',
      },
      reworkRate: {
        $ref: '#/components/schemas/NullableNumber',
      },
    },
  },
  DoraSeriesResponse: {
    type: 'object',
    required: [
      'scope',
      'window',
      'bucket',
      'timeZone',
      'points',
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
      bucket: {
        type: 'string',
        enum: ['week'],
      },
      timeZone: {
        type: 'string',
      },
      points: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/DoraSeriesPoint',
        },
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
