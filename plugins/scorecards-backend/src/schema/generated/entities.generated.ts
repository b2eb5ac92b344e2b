// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/entities` routes of the spec, and the schemas only they use. */
export const entitiesPaths = {
  '/entities': {
    get: {
      operationId: 'listEntities',
      summary:
        'Entity summaries, filtered by owner and by level (e.g. owned by my teams, below silver).',
      parameters: [
        {
          name: 'owner',
          in: 'query',
          schema: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          style: 'form',
          explode: true,
        },
        {
          name: 'below',
          in: 'query',
          schema: {
            $ref: '#/components/schemas/Level',
          },
        },
        {
          name: 'scorecard',
          in: 'query',
          schema: {
            type: 'string',
            pattern: '^[a-z][a-z0-9-]{1,62}$',
          },
        },
      ],
      responses: {
        '200': {
          description: 'Matching entities.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/EntitySummary',
                    },
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
      },
    },
  },
  '/entities/{kind}/{namespace}/{name}': {
    parameters: [
      {
        $ref: '#/components/parameters/kind',
      },
      {
        $ref: '#/components/parameters/namespace',
      },
      {
        $ref: '#/components/parameters/name',
      },
    ],
    get: {
      operationId: 'getEntityScorecards',
      summary:
        "An entity's scorecards, checks (pass, fail, exempt, unknown with reason), level, facts and exemptions.",
      responses: {
        '200': {
          description: "The entity's scorecards.",
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EntityScorecardsResponse',
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
        '404': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
} as const;

export const entitiesSchemas = {
  Level: {
    type: 'string',
    enum: ['bronze', 'silver', 'gold'],
  },
} as const;
