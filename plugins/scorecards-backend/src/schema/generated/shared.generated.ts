// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The spec without its paths, and the components several resources use. */
export const document = {
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
} as const;

export const sharedComponents = {
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
} as const;

export const sharedSchemas = {
  EntityRef: {
    type: 'string',
    maxLength: 255,
    pattern:
      '^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$',
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
} as const;
