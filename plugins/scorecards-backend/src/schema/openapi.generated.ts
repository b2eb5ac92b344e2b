// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'scorecards',
    version: '0.1.0',
    description:
      "Scorecards: facts about catalog entities, checks and levels, policies as code, exemptions, campaigns and fixes. Every route needs a Backstage token; errors use Backstage's error body with the message `<field>: <problem> (rule: <rule>)`, every violation named.",
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/checks': {
      get: {
        operationId: 'listChecks',
        summary:
          'The checks and scorecards in force, with pass rates, and the installed fixers.',
        responses: {
          '200': {
            description: 'Checks, scorecards and fixers.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChecksResponse',
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
    '/policies': {
      get: {
        operationId: 'listPolicies',
        summary:
          'The ValidatingAdmissionPolicies evaluated against pushed manifests.',
        responses: {
          '200': {
            description: 'Policies.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['name', 'title'],
                        properties: {
                          name: {
                            type: 'string',
                          },
                          title: {
                            type: 'string',
                          },
                        },
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
    '/entities': {
      get: {
        operationId: 'listEntities',
        summary:
          'Entity summaries, filtered by owner and by level (e.g. owned by my teams, below silver).',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            schema: {
              type: 'array',
              maxItems: 50,
              items: {
                $ref: '#/components/schemas/EntityRef',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'below',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/Level',
            },
          },
          {
            name: 'scorecard',
            in: 'query',
            schema: {
              type: 'string',
              pattern: '^[a-z][a-z0-9-]{1,62}$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Matching entities.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/EntitySummary',
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
    },
    '/entities/{kind}/{namespace}/{name}': {
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
      ],
      get: {
        operationId: 'getEntityScorecards',
        summary:
          "An entity's scorecards, checks (pass, fail, exempt, unknown with reason), level, facts and exemptions.",
        responses: {
          '200': {
            description: "The entity's scorecards.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecardsResponse',
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
    '/entities/{kind}/{namespace}/{name}/refresh': {
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
      ],
      post: {
        operationId: 'refreshEntity',
        summary: "Collects the entity's facts now and evaluates it again.",
        responses: {
          '200': {
            description: "The entity's scorecards after the new collection.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecardsResponse',
                },
              },
            },
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
    '/teams/{ref}': {
      get: {
        operationId: 'getTeamScorecards',
        summary:
          "A team's heat map (entities × checks) and roll-ups with history.",
        parameters: [
          {
            name: 'ref',
            in: 'path',
            required: true,
            description:
              "The group's entity ref, URL-encoded (group%3Adefault%2Fpayments), or its name.",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            $ref: '#/components/parameters/days',
          },
        ],
        responses: {
          '200': {
            description: "The team's scorecards.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TeamScorecardsResponse',
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
    '/organization': {
      get: {
        operationId: 'getOrganizationScorecards',
        summary: "The organisation's roll-ups with history, and each team's.",
        parameters: [
          {
            $ref: '#/components/parameters/days',
          },
        ],
        responses: {
          '200': {
            description: 'Roll-ups.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
    '/facts': {
      post: {
        operationId: 'pushFacts',
        summary:
          'CI reports facts (e.g. ci.coverage) and the manifests its chart renders; service tokens only.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['entityRef'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  entityRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  facts: {
                    type: 'array',
                    maxItems: 50,
                    items: {
                      type: 'object',
                      required: ['id', 'value'],
                      additionalProperties: {
                        not: {},
                      },
                      properties: {
                        id: {
                          type: 'string',
                          pattern: '^ci\\.[a-zA-Z][a-zA-Z0-9-]*$',
                        },
                        value: {},
                      },
                    },
                  },
                  manifests: {
                    type: 'array',
                    maxItems: 500,
                    items: {
                      type: 'object',
                      required: ['apiVersion', 'kind'],
                      properties: {
                        apiVersion: {
                          type: 'string',
                        },
                        kind: {
                          type: 'string',
                        },
                      },
                    },
                  },
                  runUrl: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What was stored.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['entityRef', 'accepted'],
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    accepted: {
                      type: 'integer',
                    },
                    violations: {
                      type: 'integer',
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
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/exemptions': {
      get: {
        operationId: 'listExemptions',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['pending', 'approved', 'rejected', 'expired'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Exemptions, newest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Exemption',
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
        operationId: 'requestExemption',
        summary:
          'An owner asks to leave one check out for one entity until a date.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['entityRef', 'checkId', 'reason', 'expiresAt'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  entityRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  checkId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 63,
                  },
                  reason: {
                    type: 'string',
                    minLength: 10,
                    maxLength: 2000,
                  },
                  expiresAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The exemption, pending review by the platform team.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
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
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/exemptions/{id}': {
      parameters: [
        {
          $ref: '#/components/parameters/id',
        },
      ],
      get: {
        operationId: 'getExemption',
        responses: {
          '200': {
            description: 'The exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'withdrawExemption',
        summary: 'The requester or the platform team withdraws it.',
        responses: {
          '204': {
            description: 'Withdrawn.',
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
        },
      },
    },
    '/exemptions/{id}/review': {
      parameters: [
        {
          $ref: '#/components/parameters/id',
        },
      ],
      post: {
        operationId: 'reviewExemption',
        summary:
          'A platform-team member other than the requester approves or rejects.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['decision'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  decision: {
                    type: 'string',
                    enum: ['approve', 'reject'],
                  },
                  comment: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reviewed exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
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
    '/campaigns': {
      get: {
        operationId: 'listCampaigns',
        responses: {
          '200': {
            description: 'Campaigns with their current progress.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Campaign',
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
      post: {
        operationId: 'createCampaign',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CampaignInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
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
        },
      },
    },
    '/campaigns/{id}': {
      parameters: [
        {
          $ref: '#/components/parameters/id',
        },
      ],
      get: {
        operationId: 'getCampaign',
        responses: {
          '200': {
            description: 'The campaign, its progress and history.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      patch: {
        operationId: 'updateCampaign',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: {
                  not: {},
                },
                properties: {
                  title: {
                    type: 'string',
                    minLength: 3,
                    maxLength: 120,
                  },
                  description: {
                    type: 'string',
                    maxLength: 4000,
                  },
                  target: {
                    $ref: '#/components/schemas/CampaignTarget',
                  },
                  deadline: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
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
        },
      },
      delete: {
        operationId: 'deleteCampaign',
        responses: {
          '204': {
            description: 'Ended and removed.',
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
        },
      },
    },
  },
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[A-Za-z][A-Za-z0-9-]{0,62}$',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$',
        },
      },
      id: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern:
            '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        },
      },
      days: {
        name: 'days',
        in: 'query',
        description: 'Days of history (default 90).',
        schema: {
          type: 'string',
          pattern: '^[1-9][0-9]{0,2}$',
        },
      },
    },
    responses: {
      Error: {
        description: "Backstage's error body.",
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['error'],
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
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    schemas: {
      EntityRef: {
        type: 'string',
        maxLength: 255,
        pattern:
          '^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$',
      },
      Level: {
        type: 'string',
        enum: ['bronze', 'silver', 'gold'],
      },
      CheckResult: {
        type: 'object',
        required: ['checkId', 'status', 'reason'],
        properties: {
          checkId: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pass', 'fail', 'exempt', 'unknown'],
          },
          reason: {
            type: 'string',
          },
          value: {},
          observedAt: {
            type: 'string',
          },
          exemptionId: {
            type: 'string',
          },
        },
      },
      EntitySummary: {
        type: 'object',
        required: ['entityRef', 'levels', 'results'],
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
          levels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
              nullable: true,
            },
          },
          results: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
        },
      },
      EntityScorecardsResponse: {
        type: 'object',
        required: ['entityRef', 'scorecards', 'facts', 'exemptions'],
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
          evaluatedAt: {
            type: 'string',
          },
          scorecards: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'title', 'level', 'checks'],
              properties: {
                id: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                level: {
                  type: 'string',
                  nullable: true,
                },
                checks: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/CheckResult',
                  },
                },
              },
            },
          },
          facts: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          exemptions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Exemption',
            },
          },
        },
      },
      TeamScorecardsResponse: {
        type: 'object',
        required: ['team', 'checks', 'entities', 'rollups'],
        properties: {
          team: {
            type: 'string',
          },
          checks: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          entities: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntitySummary',
            },
          },
          rollups: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
      ChecksResponse: {
        type: 'object',
        required: ['checks', 'scorecards', 'fixers'],
        properties: {
          checks: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          scorecards: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          fixers: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
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
      Exemption: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'checkId',
          'reason',
          'expiresAt',
          'requestedBy',
          'requestedAt',
          'status',
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
          reason: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
          },
          requestedBy: {
            type: 'string',
          },
          requestedAt: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pending', 'approved', 'rejected', 'expired'],
          },
          reviewedBy: {
            type: 'string',
          },
          reviewedAt: {
            type: 'string',
          },
          reviewComment: {
            type: 'string',
          },
        },
      },
      CampaignTarget: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          owners: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          kinds: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 63,
            },
          },
          entityRefs: {
            type: 'array',
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
        },
      },
      CampaignInput: {
        type: 'object',
        required: ['title', 'checkId', 'target', 'deadline'],
        additionalProperties: {
          not: {},
        },
        properties: {
          title: {
            type: 'string',
            minLength: 3,
            maxLength: 120,
          },
          description: {
            type: 'string',
            maxLength: 4000,
          },
          checkId: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
          },
          target: {
            $ref: '#/components/schemas/CampaignTarget',
          },
          deadline: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      Campaign: {
        type: 'object',
        required: [
          'id',
          'title',
          'description',
          'checkId',
          'target',
          'deadline',
          'createdBy',
          'createdAt',
          'updatedAt',
          'progress',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          target: {
            $ref: '#/components/schemas/CampaignTarget',
          },
          deadline: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
          },
          progress: {
            type: 'object',
            required: ['total', 'done', 'remaining', 'history'],
            properties: {
              total: {
                type: 'integer',
              },
              done: {
                type: 'integer',
              },
              remaining: {
                type: 'array',
                items: {
                  type: 'object',
                },
              },
              history: {
                type: 'array',
                items: {
                  type: 'object',
                },
              },
            },
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
