// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/changes` routes of the spec, and the schemas only they use. */
export const changesPaths = {
  '/changes': {
    get: {
      operationId: 'GetChanges',
      summary: 'Review flow of the changes (pull requests) merged in a window.',
      description:
        'Cycle time split into coding (first commit to opened), pickup (opened to first review), review (first review to merged) and deploy (merged to the first successful production deployment of the service listing the merge commit), as median and p75 in hours. A change counts when its merge time is in the window; a stage that has not ended, or ends before it starts, is no sample; without samples the values are null. `open` counts the changes opened in the window that are neither merged nor closed.\n',
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
          description: 'The review flow.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangeFlowResponse',
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

export const changesSchemas = {
  StageSummary: {
    type: 'object',
    required: ['medianHours', 'p75Hours', 'samples'],
    properties: {
      medianHours: {
        $ref: '#/components/schemas/NullableNumber',
      },
      p75Hours: {
        $ref: '#/components/schemas/NullableNumber',
      },
      samples: {
        type: 'integer',
      },
    },
  },
  ChangeFlowResponse: {
    type: 'object',
    required: [
      'scope',
      'window',
      'merged',
      'coding',
      'pickup',
      'review',
      'deploy',
      'size',
      'open',
    ],
    properties: {
      scope: {
        $ref: '#/components/schemas/Scope',
      },
      window: {
        $ref: '#/components/schemas/Window',
      },
      merged: {
        type: 'integer',
        description: 'Changes merged in the window.',
      },
      coding: {
        $ref: '#/components/schemas/StageSummary',
      },
      pickup: {
        $ref: '#/components/schemas/StageSummary',
      },
      review: {
        $ref: '#/components/schemas/StageSummary',
      },
      deploy: {
        $ref: '#/components/schemas/StageSummary',
      },
      size: {
        type: 'object',
        description:
          'Lines changed (additions plus deletions) of the merged changes that report them.',
        required: ['medianLines', 'p75Lines', 'samples', 'classes'],
        properties: {
          medianLines: {
            $ref: '#/components/schemas/NullableNumber',
          },
          p75Lines: {
            $ref: '#/components/schemas/NullableNumber',
          },
          samples: {
            type: 'integer',
          },
          classes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['label', 'maxLines', 'changes'],
              properties: {
                label: {
                  type: 'string',
                },
                maxLines: {
                  type: ['integer', 'null'],
                  description:
                    'Largest size of the class (null for the last, unbounded one).',
                },
                changes: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
      open: {
        type: 'integer',
        description:
          'Changes opened in the window that are neither merged nor closed.',
      },
    },
  },
} as const;
