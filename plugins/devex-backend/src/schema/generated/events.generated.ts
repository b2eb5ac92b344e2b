// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/events` routes of the spec, and the schemas only they use. */
export const eventsPaths = {
  '/events': {
    post: {
      operationId: 'PostEvents',
      summary:
        'Store deployment, incident and change events (CI and CD pipelines).',
      description:
        "For service credentials (a CI token issued through `backend.auth.externalAccess`). A signed-in user may send events only for services owned by one of their teams. Each (`source`, `id`) is an event's identity: a re-send replaces it, but only the principal that first wrote it may replace it (409 otherwise). The source `github` belongs to the webhook. Survey answers are not events: they come only through `POST /surveys`.\n",
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/EventBatch',
            },
          },
        },
      },
      responses: {
        '202': {
          description: 'Stored (all of the batch, or nothing).',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IngestResponse',
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
        '409': {
          $ref: '#/components/responses/Conflict',
        },
      },
    },
  },
} as const;

export const eventsSchemas = {
  Timestamp: {
    type: 'string',
    format: 'date-time',
    description: 'RFC 3339 with an offset ("Z" or "+02:00").',
  },
  Identifier: {
    type: 'string',
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
  },
  EntityRef: {
    type: 'string',
    pattern: '^[A-Za-z0-9\\-_.]+:[A-Za-z0-9\\-_.]+/[A-Za-z0-9\\-_.]+$',
    description: 'A full entity ref such as component:default/payments-api.',
  },
  Commit: {
    type: 'object',
    additionalProperties: false,
    required: ['sha', 'committedAt'],
    properties: {
      sha: {
        type: 'string',
        pattern: '^[0-9a-fA-F]{7,64}$',
      },
      committedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
    },
  },
  DeploymentData: {
    type: 'object',
    additionalProperties: false,
    required: ['environment', 'status', 'finishedAt', 'commits'],
    properties: {
      environment: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
      },
      status: {
        type: 'string',
        enum: ['success', 'failed'],
      },
      finishedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      startedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      commits: {
        type: 'array',
        maxItems: 1000,
        items: {
          $ref: '#/components/schemas/Commit',
        },
      },
      kind: {
        type: 'string',
        enum: ['normal', 'rollback', 'hotfix'],
      },
      remediates: {
        $ref: '#/components/schemas/Identifier',
      },
      triggeredBy: {
        description:
          'Who started the deployment: a full user entity ref (user:default/sam.rivera) or a login, matched to a User by its github.com/user-login annotation or its name.\n',
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x21-\\x7e]+$',
      },
    },
  },
  IncidentData: {
    type: 'object',
    additionalProperties: false,
    required: ['startedAt'],
    properties: {
      startedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      resolvedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      deploymentId: {
        $ref: '#/components/schemas/Identifier',
      },
      severity: {
        type: 'string',
        maxLength: 50,
      },
    },
  },
  Event: {
    description:
      'One event; (`source`, `id`) is its identity. `type` says which: a deployment, an incident or a change (a pull or merge request).\n',
    type: 'object',
    required: ['type'],
    discriminator: {
      propertyName: 'type',
    },
    oneOf: [
      {
        $ref: '#/components/schemas/DeploymentEvent',
      },
      {
        $ref: '#/components/schemas/IncidentEvent',
      },
      {
        $ref: '#/components/schemas/ChangeEvent',
      },
    ],
  },
  DeploymentEvent: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'source', 'type', 'subject', 'data'],
    properties: {
      id: {
        $ref: '#/components/schemas/Identifier',
      },
      source: {
        $ref: '#/components/schemas/Identifier',
      },
      type: {
        type: 'string',
        const: 'deployment',
      },
      subject: {
        $ref: '#/components/schemas/EntityRef',
      },
      data: {
        $ref: '#/components/schemas/DeploymentData',
      },
    },
  },
  IncidentEvent: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'source', 'type', 'subject', 'data'],
    properties: {
      id: {
        $ref: '#/components/schemas/Identifier',
      },
      source: {
        $ref: '#/components/schemas/Identifier',
      },
      type: {
        type: 'string',
        const: 'incident',
      },
      subject: {
        $ref: '#/components/schemas/EntityRef',
      },
      data: {
        $ref: '#/components/schemas/IncidentData',
      },
    },
  },
  ChangeData: {
    type: 'object',
    additionalProperties: false,
    description:
      'A change on its way to production. Times it has not reached yet are left out.\n',
    required: ['openedAt'],
    properties: {
      openedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      firstCommitAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      firstReviewAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      approvedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      mergedAt: {
        $ref: '#/components/schemas/Timestamp',
      },
      closedAt: {
        description:
          'Closed without being merged (abandoned), so no longer open.',
        $ref: '#/components/schemas/Timestamp',
      },
      mergeCommit: {
        type: 'string',
        pattern: '^[0-9a-fA-F]{7,64}$',
      },
      additions: {
        type: 'integer',
        minimum: 0,
        maximum: 100000000,
      },
      deletions: {
        type: 'integer',
        minimum: 0,
        maximum: 100000000,
      },
      author: {
        description:
          'Who wrote the change: a full user entity ref (user:default/sam.rivera) or a login, matched to a User by its github.com/user-login annotation or its name.\n',
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x21-\\x7e]+$',
      },
    },
  },
  ChangeEvent: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'source', 'type', 'subject', 'data'],
    properties: {
      id: {
        $ref: '#/components/schemas/Identifier',
      },
      source: {
        $ref: '#/components/schemas/Identifier',
      },
      type: {
        type: 'string',
        const: 'change',
      },
      subject: {
        $ref: '#/components/schemas/EntityRef',
      },
      data: {
        $ref: '#/components/schemas/ChangeData',
      },
    },
  },
  EventBatch: {
    type: 'object',
    additionalProperties: false,
    required: ['events'],
    properties: {
      events: {
        type: 'array',
        minItems: 1,
        maxItems: 5000,
        items: {
          $ref: '#/components/schemas/Event',
        },
      },
    },
  },
  IngestResponse: {
    type: 'object',
    required: ['accepted'],
    properties: {
      accepted: {
        type: 'integer',
        description:
          'Events stored (new, or replacing an earlier send of the same identity).',
      },
    },
  },
} as const;
