// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/organization` routes of the spec, and the schemas only they use. */
export const organizationPaths = {
  '/organization': {
    get: {
      operationId: 'getOrganizationScorecards',
      summary: "The organisation's roll-ups with history, and each team's.",
      parameters: [
        {
          $ref: '#/components/parameters/days',
        },
      ],
      responses: {
        '200': {
          description: 'Roll-ups.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
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

export const organizationSchemas = {} as const;
