// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

/** The `/upgrades` routes of the spec, and the schemas only they use. */
export const upgradesPaths = {
  '/upgrades': {
    get: {
      operationId: 'ListUpgrades',
      summary: 'Upgrade proposals, newest first.',
      parameters: [
        {
          name: 'entityRef',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            maxLength: 255,
          },
        },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            pattern: '^[1-9][0-9]{0,2}$',
          },
        },
      ],
      responses: {
        '200': {
          description: 'The proposals.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                additionalProperties: false,
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/Upgrade',
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
    post: {
      operationId: 'ProposeUpgrade',
      summary:
        "Propose upgrading a component to its template's latest version.",
      description:
        "Renders the latest version with the inputs recorded in the repository's `.paved/template.yaml` onto `paved/template`, merges it into `paved/upgrade-<version>` off the default branch (three-way; conflicts committed with markers, status `needs-attention`) and opens a change request. Only the component's owners, their members and the platform team may propose. 409 when the component is already at the latest version, or when an upgrade to it is already proposed (one per component and version).",
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['entityRef'],
              additionalProperties: false,
              properties: {
                entityRef: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 255,
                },
              },
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'The proposal.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Upgrade',
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
  '/upgrades/{id}': {
    get: {
      operationId: 'GetUpgrade',
      summary: 'One upgrade proposal.',
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
            format: 'uuid',
          },
        },
      ],
      responses: {
        '200': {
          description: 'The proposal.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Upgrade',
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

export const upgradesSchemas = {} as const;
