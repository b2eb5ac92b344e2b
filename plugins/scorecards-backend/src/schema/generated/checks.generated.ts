// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/checks` routes of the spec, and the schemas only they use. */
export const checksPaths = {
  '/checks': {
    get: {
      operationId: 'listChecks',
      summary:
        'The checks and scorecards in force, with pass rates, and the installed fixers.',
      responses: {
        '200': {
          description: 'Checks, scorecards and fixers.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChecksResponse',
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

export const checksSchemas = {
  ChecksResponse: {
    type: 'object',
    required: ['checks', 'scorecards', 'fixers'],
    properties: {
      checks: {
        type: 'array',
        items: {
          type: 'object',
        },
      },
      scorecards: {
        type: 'array',
        items: {
          type: 'object',
        },
      },
      fixers: {
        type: 'array',
        items: {
          type: 'object',
        },
      },
    },
  },
} as const;
