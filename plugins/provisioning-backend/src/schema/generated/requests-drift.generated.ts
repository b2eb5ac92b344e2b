// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-drift` routes of the spec, and the schemas only they use. */
export const requestsDriftPaths = {
  '/requests/{id}/drift': {
    get: {
      operationId: 'GetRequestDrift',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary:
        'Whether what the provider delivered still matches the approved request (unapproved drift).',
      responses: {
        '200': {
          description: "The provider's comparison, now.",
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseDrift',
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
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
} as const;

export const requestsDriftSchemas = {
  DatabaseDrift: {
    description:
      'in-sync; drifted (changed outside Paved, no approval covers it); untracked (the provider keeps no declared state); unknown (could not be compared now, see detail).',
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'state', 'detail', 'checkedAt'],
    properties: {
      requestId: {
        type: 'string',
      },
      state: {
        type: 'string',
        enum: ['in-sync', 'drifted', 'untracked', 'unknown'],
      },
      detail: {
        type: 'string',
      },
      diff: {
        description:
          'Unified diff from the approved rendering to what is there.',
        type: 'string',
      },
      checkedAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
} as const;
