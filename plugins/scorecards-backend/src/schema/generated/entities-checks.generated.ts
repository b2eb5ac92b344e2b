// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/entities-checks` routes of the spec, and the schemas only they use. */
export const entitiesChecksPaths = {
  '/entities/{kind}/{namespace}/{name}/checks/{checkId}/fix': {
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
      {
        name: 'checkId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-z][a-z0-9-]{1,62}$',
        },
      },
    ],
    post: {
      operationId: 'startFix',
      summary:
        '"Fix it": starts the check\'s fixer on behalf of the signed-in user.',
      responses: {
        '201': {
          description: 'The fix that was started.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FixAttempt',
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
        '403': {
          $ref: '#/components/responses/Error',
        },
        '404': {
          $ref: '#/components/responses/Error',
        },
        '409': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
} as const;

export const entitiesChecksSchemas = {
  FixAttempt: {
    type: 'object',
    required: [
      'id',
      'entityRef',
      'checkId',
      'fixerId',
      'status',
      'startedBy',
      'startedAt',
    ],
    properties: {
      id: {
        type: 'string',
      },
      entityRef: {
        type: 'string',
      },
      checkId: {
        type: 'string',
      },
      fixerId: {
        type: 'string',
      },
      status: {
        type: 'string',
        enum: ['started', 'completed', 'failed'],
      },
      startedBy: {
        type: 'string',
      },
      startedAt: {
        type: 'string',
      },
      finishedAt: {
        type: 'string',
      },
      url: {
        type: 'string',
      },
      externalId: {
        type: 'string',
      },
      message: {
        type: 'string',
      },
    },
  },
} as const;
