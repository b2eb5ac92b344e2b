// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/surveys-summary` routes of the spec, and the schemas only they use. */
export const surveysSummaryPaths = {
  '/surveys/summary': {
    get: {
      operationId: 'GetSurveySummary',
      summary:
        'Pulse survey results of a window, with anonymity rules applied.',
      description:
        'The window is widened to whole UTC days and must span at least devex.surveys.minimumWindowDays. Scores of a breakdown (the whole organisation, each team) are shown only with at least devex.surveys.minimumRespondents respondents. Comments are returned only to members of the platform team, with the ISO week they were written in instead of a time.\n',
      parameters: [
        {
          $ref: '#/components/parameters/from',
        },
        {
          $ref: '#/components/parameters/to',
        },
      ],
      responses: {
        '200': {
          description: 'The summary.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveySummaryResponse',
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
      },
    },
  },
} as const;

export const surveysSummarySchemas = {
  SurveySummaryResponse: {
    type: 'object',
    required: [
      'window',
      'respondents',
      'suppressed',
      'nps',
      'promoters',
      'passives',
      'detractors',
      'comments',
      'teams',
      'minimumRespondents',
      'minimumWindowDays',
    ],
    properties: {
      window: {
        $ref: '#/components/schemas/Window',
      },
      respondents: {
        type: 'integer',
        description:
          'People who answered in the window (their latest answer counts).',
      },
      suppressed: {
        type: 'boolean',
        description:
          'Fewer respondents than the minimum; the scores below are withheld.',
      },
      nps: {
        $ref: '#/components/schemas/NullableNumber',
      },
      promoters: {
        type: ['integer', 'null'],
      },
      passives: {
        type: ['integer', 'null'],
      },
      detractors: {
        type: ['integer', 'null'],
      },
      comments: {
        description:
          'Only for members of the platform team (null for everyone else).',
        type: ['array', 'null'],
        items: {
          type: 'object',
          required: ['score', 'comment', 'week'],
          properties: {
            score: {
              type: 'integer',
            },
            comment: {
              type: 'string',
            },
            week: {
              type: 'string',
              description:
                'ISO week the comment was written in, e.g. 2026-W49.',
            },
          },
        },
      },
      teams: {
        type: 'array',
        items: {
          type: 'object',
          required: ['group', 'respondents', 'suppressed', 'nps'],
          properties: {
            group: {
              type: 'string',
            },
            respondents: {
              type: 'integer',
            },
            suppressed: {
              type: 'boolean',
            },
            nps: {
              $ref: '#/components/schemas/NullableNumber',
            },
          },
        },
      },
      minimumRespondents: {
        type: 'integer',
      },
      minimumWindowDays: {
        type: 'integer',
      },
    },
  },
} as const;
