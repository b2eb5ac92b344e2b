// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/level-bands` routes of the spec, and the schemas only they use. */
export const levelBandsPaths = {
  '/level-bands': {
    get: {
      operationId: 'GetLevelBands',
      summary:
        "The DORA report whose level bands judge the organisation's metrics, and the choices.",
      responses: {
        '200': {
          description: 'The selection.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/LevelBandSelectionResponse',
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Unauthorized',
        },
      },
    },
    put: {
      operationId: 'PutLevelBands',
      summary: 'Choose the report for the organisation (platform team only).',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['report'],
              properties: {
                report: {
                  $ref: '#/components/schemas/LevelBandReport',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The new selection.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/LevelBandSelectionResponse',
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
      },
    },
  },
} as const;

export const levelBandsSchemas = {
  LevelBandSelectionResponse: {
    type: 'object',
    required: ['selected', 'chosenBy', 'chosenAt', 'available'],
    properties: {
      selected: {
        $ref: '#/components/schemas/LevelBandSet',
      },
      chosenBy: {
        type: ['string', 'null'],
        description:
          'Who chose it in the portal; null while the configured default applies.',
      },
      chosenAt: {
        type: ['string', 'null'],
      },
      available: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/LevelBandSet',
        },
      },
    },
  },
} as const;
