// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/prices` routes of the spec, and the schemas only they use. */
export const pricesPaths = {
  '/prices': {
    get: {
      operationId: 'GetPrices',
      summary:
        'The price table (monthly prices per provider, size and GB of storage).',
      responses: {
        '200': {
          description: 'The price table.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PriceTable',
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Unauthorized',
        },
      },
    },
  },
} as const;

export const pricesSchemas = {
  ProviderPrices: {
    type: 'object',
    additionalProperties: false,
    required: ['sizes', 'storageGBMonthly'],
    properties: {
      sizes: {
        type: 'object',
        additionalProperties: false,
        required: ['small', 'medium', 'large'],
        properties: {
          small: {
            type: 'number',
          },
          medium: {
            type: 'number',
          },
          large: {
            type: 'number',
          },
        },
      },
      storageGBMonthly: {
        type: 'number',
      },
    },
  },
  PriceTable: {
    type: 'object',
    additionalProperties: false,
    required: ['currency', 'providers', 'default'],
    properties: {
      currency: {
        type: 'string',
      },
      providers: {
        type: 'object',
        additionalProperties: {
          $ref: '#/components/schemas/ProviderPrices',
        },
      },
      default: {
        $ref: '#/components/schemas/ProviderPrices',
      },
    },
  },
} as const;
