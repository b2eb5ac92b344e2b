// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/costs` routes of the spec, and the schemas only they use. */
export const costsPaths = {
  '/costs': {
    get: {
      operationId: 'GetCosts',
      summary:
        "Monthly totals per team over the live requests the caller may read, with each team's budget where one is configured.",
      parameters: [
        {
          name: 'owner',
          in: 'query',
          allowReserved: true,
          description: 'Owning groups, comma-separated entity refs.',
          schema: {
            type: 'string',
            maxLength: 4000,
          },
        },
      ],
      responses: {
        '200': {
          description: 'The totals, by owner.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['currency', 'items'],
                properties: {
                  currency: {
                    type: 'string',
                  },
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/TeamCost',
                    },
                  },
                },
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

export const costsSchemas = {
  TeamCost: {
    type: 'object',
    additionalProperties: false,
    required: ['owner', 'monthly', 'currency', 'requests'],
    properties: {
      owner: {
        type: 'string',
      },
      monthly: {
        type: 'number',
      },
      currency: {
        type: 'string',
      },
      requests: {
        type: 'integer',
      },
      budget: {
        type: 'number',
      },
    },
  },
} as const;
