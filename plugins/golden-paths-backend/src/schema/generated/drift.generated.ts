// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

/** The `/drift` routes of the spec, and the schemas only they use. */
export const driftPaths = {
  '/drift': {
    get: {
      operationId: 'GetDrift',
      summary: 'Template drift.',
      description:
        "Per golden-path template, its latest version and, per component made from it, the component's version and upgrade state. The catalog is read with the caller's credentials.",
      responses: {
        '200': {
          description: 'Templates and their components.',
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
                      $ref: '#/components/schemas/TemplateDrift',
                    },
                  },
                },
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

export const driftSchemas = {
  ComponentDrift: {
    type: 'object',
    required: ['entityRef', 'state'],
    additionalProperties: false,
    properties: {
      entityRef: {
        type: 'string',
      },
      title: {
        type: 'string',
      },
      owner: {
        type: 'string',
      },
      version: {
        type: 'string',
        description: '`paved.dev/template-version` of the component.',
      },
      state: {
        type: 'string',
        enum: ['current', 'outdated', 'proposed', 'needs-attention', 'unknown'],
      },
      upgrade: {
        $ref: '#/components/schemas/Upgrade',
      },
    },
  },
  TemplateDrift: {
    type: 'object',
    required: ['templateRef', 'versions', 'components'],
    additionalProperties: false,
    properties: {
      templateRef: {
        type: 'string',
      },
      title: {
        type: 'string',
      },
      latestVersion: {
        type: 'string',
      },
      versions: {
        type: 'object',
        additionalProperties: {
          type: 'integer',
        },
        description: 'How many components are at each version.',
      },
      components: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/ComponentDrift',
        },
      },
    },
  },
} as const;
