// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/entities-refresh` routes of the spec, and the schemas only they use. */
export const entitiesRefreshPaths = {
  '/entities/{kind}/{namespace}/{name}/refresh': {
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
    post: {
      operationId: 'refreshEntity',
      summary: "Collects the entity's facts now and evaluates it again.",
      responses: {
        '200': {
          description: "The entity's scorecards after the new collection.",
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EntityScorecardsResponse',
              },
            },
          },
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

export const entitiesRefreshSchemas = {} as const;
