// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

/** The `/upgrades-runs` routes of the spec, and the schemas only they use. */
export const upgradesRunsPaths = {
  '/upgrades/runs': {
    post: {
      operationId: 'RunUpgradeProposals',
      summary: 'Propose every due upgrade now (platform team).',
      description:
        'What the scheduled task does every `goldenPaths.upgrades.frequency`: proposes the upgrade of every component made from an older template version that has no active proposal for the latest version. Members of the platform team only. Answers when the run is done.',
      responses: {
        '200': {
          description: 'What the run did.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: [
                  'proposed',
                  'failed',
                  'skipped',
                  'durationsMs',
                  'totalMs',
                ],
                additionalProperties: false,
                properties: {
                  proposed: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                  failed: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['entityRef', 'error'],
                      properties: {
                        entityRef: {
                          type: 'string',
                        },
                        error: {
                          type: 'string',
                        },
                      },
                    },
                  },
                  skipped: {
                    type: 'integer',
                    description:
                      'Components whose upgrade to the latest version is already proposed.',
                  },
                  durationsMs: {
                    type: 'array',
                    items: {
                      type: 'integer',
                    },
                    description: 'Milliseconds each proposal took.',
                  },
                  totalMs: {
                    type: 'integer',
                  },
                },
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
        '403': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
} as const;

export const upgradesRunsSchemas = {} as const;
