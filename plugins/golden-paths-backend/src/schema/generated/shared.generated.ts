// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

/** The spec without its paths, and the components several resources use. */
export const document = {
  openapi: '3.1.0',
  info: {
    title: 'golden-paths',
    version: '1',
    description:
      "Paved's golden paths (plugin id golden-paths, mounted at /api/golden-paths). Every route needs a Backstage token. Errors are Backstage's error body; the message names every broken rule as `<field>: <problem> (rule: <rule>)`.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
} as const;

export const sharedComponents = {
  responses: {
    Error: {
      description: "Backstage's error body.",
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
  },
} as const;

export const sharedSchemas = {
  Upgrade: {
    type: 'object',
    description:
      "A proposal to upgrade a component to its template's latest version.",
    required: [
      'id',
      'entityRef',
      'templateRef',
      'fromVersion',
      'toVersion',
      'status',
      'conflicts',
      'createdBy',
      'createdAt',
      'updatedAt',
    ],
    additionalProperties: false,
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
      },
      entityRef: {
        type: 'string',
        description: 'The component, e.g. `component:default/orders`.',
      },
      templateRef: {
        type: 'string',
      },
      fromVersion: {
        type: 'string',
        description: 'The version recorded in the repository when proposed.',
      },
      toVersion: {
        type: 'string',
      },
      status: {
        type: 'string',
        enum: [
          'proposing',
          'open',
          'needs-attention',
          'merged',
          'closed',
          'failed',
        ],
        description:
          '`needs-attention`: the change request is open but its branch holds conflicts, committed with their markers, or (with `missingInputs`) no change request yet: the new version needs inputs the repository never recorded. `merged`/`closed` follow the change request.',
      },
      changeUrl: {
        type: 'string',
        description:
          "The change request's page (local merge request, GitHub pull request, GitLab merge request).",
      },
      conflicts: {
        type: 'array',
        items: {
          type: 'string',
        },
        description: 'Files committed with conflict markers.',
      },
      missingInputs: {
        type: 'array',
        items: {
          type: 'string',
        },
        description:
          "Inputs the new version needs that `.paved/template.yaml` does not record and that have no default in the template's parameter schema. Until they are added under `inputs:`, the proposal waits (no change request); proposing again takes it up.",
      },
      error: {
        type: 'string',
        description: 'Why a `failed` proposal failed.',
      },
      createdBy: {
        type: 'string',
        description:
          'A user entity ref, or `plugin:golden-paths` for the scheduled run.',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  Error: {
    type: 'object',
    required: ['error', 'response'],
    properties: {
      error: {
        type: 'object',
        required: ['name', 'message'],
        properties: {
          name: {
            type: 'string',
          },
          message: {
            type: 'string',
            description:
              '`<field>: <problem> (rule: <rule>)`, every violation named, separated by `; `.',
          },
        },
      },
      response: {
        type: 'object',
        required: ['statusCode'],
        properties: {
          statusCode: {
            type: 'integer',
          },
        },
      },
    },
  },
} as const;
