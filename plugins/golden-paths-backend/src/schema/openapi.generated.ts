// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
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
  components: {
    schemas: {
      ServiceNameAnswer: {
        type: 'object',
        description: 'May a new golden-path service take the name?',
        required: ['name', 'available'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            description: 'The name asked about.',
          },
          available: {
            type: 'boolean',
          },
          problem: {
            type: 'string',
            description:
              'Why not, when `available` is false: the pattern the name breaks, a component of that name in the catalog, or a repository of that name on the local git host.',
          },
        },
      },
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
            description:
              'The version recorded in the repository when proposed.',
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
              '`needs-attention`: the change request is open but its branch holds conflicts, committed with their markers. `merged`/`closed` follow the change request.',
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
            enum: [
              'current',
              'outdated',
              'proposed',
              'needs-attention',
              'unknown',
            ],
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
    },
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
  },
  paths: {
    '/service-names/{name}': {
      get: {
        operationId: 'GetServiceName',
        summary: 'Whether a new golden-path service may take a name.',
        description:
          'The `ServiceName` form field asks as the form is filled; `paved:service:validate` runs the same check before anything is published. A name that breaks the pattern is a valid question: the answer is `available: false` with the rule it breaks.',
        parameters: [
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
          {
            name: 'namespace',
            in: 'query',
            required: false,
            description: 'Catalog namespace of the new component.',
            schema: {
              type: 'string',
              default: 'default',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 63,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The answer.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceNameAnswer',
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
    },
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
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
