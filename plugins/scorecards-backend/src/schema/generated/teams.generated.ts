// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/teams` routes of the spec, and the schemas only they use. */
export const teamsPaths = {
  '/teams/{ref}': {
    get: {
      operationId: 'getTeamScorecards',
      summary:
        "A team's heat map (entities × checks) and roll-ups with history.",
      parameters: [
        {
          name: 'ref',
          in: 'path',
          required: true,
          description:
            "The group's entity ref, URL-encoded (group%3Adefault%2Fpayments), or its name.",
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
        {
          $ref: '#/components/parameters/days',
        },
      ],
      responses: {
        '200': {
          description: "The team's scorecards.",
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TeamScorecardsResponse',
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
  },
} as const;

export const teamsSchemas = {
  TeamScorecardsResponse: {
    type: 'object',
    required: ['team', 'checks', 'entities', 'rollups'],
    properties: {
      team: {
        type: 'string',
      },
      checks: {
        type: 'array',
        items: {
          type: 'object',
        },
      },
      entities: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/EntitySummary',
        },
      },
      rollups: {
        type: 'array',
        items: {
          type: 'object',
        },
      },
    },
  },
} as const;
