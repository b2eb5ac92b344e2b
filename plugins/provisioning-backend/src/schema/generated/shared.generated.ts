// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The spec without its paths, and the components several resources use. */
export const document = {
  openapi: '3.0.3',
  info: {
    title: 'provisioning',
    version: '1',
    description:
      "Paved's self-service databases (plugin id `provisioning`, base `/api/provisioning`). Every route needs a Backstage token. Errors use Backstage's error body; a 400 names every violation as `<field>: <problem> (rule: <rule>)`, separated by `; `.",
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
    RequestId: {
      name: 'id',
      in: 'path',
      required: true,
      description: 'The request id (UUID).',
      schema: {
        type: 'string',
        pattern:
          '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
    },
    OperationId: {
      name: 'operationId',
      in: 'path',
      required: true,
      description: 'The operation id (UUID).',
      schema: {
        type: 'string',
        pattern:
          '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
    },
  },
  responses: {
    BadRequest: {
      description: 'Every violation, as `<field>: <problem> (rule: <rule>)`.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    Unauthorized: {
      description: 'No valid Backstage token.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    Forbidden: {
      description:
        'The permission policy or a rule (four eyes) refuses, naming it.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    NotFound: {
      description: 'No such request, or credentials kept outside Paved.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    Conflict: {
      description:
        'The request is not in a state for this action, or an Idempotency-Key reused.',
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
  Error: {
    type: 'object',
    description: "Backstage's error body.",
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
          },
        },
      },
      request: {
        type: 'object',
        properties: {
          method: {
            type: 'string',
          },
          url: {
            type: 'string',
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
  Environment: {
    type: 'string',
    enum: ['development', 'staging', 'production', 'ephemeral'],
  },
  DatabaseSize: {
    type: 'string',
    enum: ['small', 'medium', 'large'],
  },
  DatabaseType: {
    description:
      'The engine (ENGINE_DEFINITIONS of @paved/plugin-provisioning-common).',
    type: 'string',
    enum: ['postgresql', 'redis'],
  },
  DatabaseRequestStatus: {
    type: 'string',
    enum: [
      'awaiting-approval',
      'provisioning',
      'ready',
      'failed',
      'rejected',
      'deprovisioning',
      'deleted',
      'expired',
    ],
  },
  ReviewDatabaseRequest: {
    type: 'object',
    additionalProperties: false,
    properties: {
      comment: {
        type: 'string',
        maxLength: 2000,
      },
    },
  },
  DatabaseRequestOutputs: {
    type: 'object',
    description: 'Connection facts; never a password.',
    required: ['host', 'port', 'database', 'username', 'credentialsRef'],
    additionalProperties: true,
    properties: {
      host: {
        type: 'string',
      },
      port: {
        type: 'integer',
      },
      database: {
        type: 'string',
      },
      username: {
        type: 'string',
      },
      credentialsRef: {
        type: 'string',
      },
      connectionSecret: {
        type: 'string',
        description:
          "The Kubernetes Secret (owning team's namespace) with the keys host, port, username and password.",
      },
    },
  },
  DatabaseRequest: {
    type: 'object',
    additionalProperties: false,
    required: [
      'id',
      'type',
      'name',
      'owner',
      'environment',
      'size',
      'storageGB',
      'provider',
      'status',
      'requestedBy',
      'approvalRequired',
      'humanStep',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      id: {
        type: 'string',
      },
      type: {
        $ref: '#/components/schemas/DatabaseType',
      },
      name: {
        type: 'string',
      },
      owner: {
        type: 'string',
      },
      system: {
        type: 'string',
      },
      component: {
        type: 'string',
      },
      environment: {
        $ref: '#/components/schemas/Environment',
      },
      size: {
        $ref: '#/components/schemas/DatabaseSize',
      },
      storageGB: {
        type: 'integer',
      },
      version: {
        type: 'string',
      },
      ttlHours: {
        type: 'integer',
      },
      provider: {
        type: 'string',
      },
      status: {
        $ref: '#/components/schemas/DatabaseRequestStatus',
      },
      requestedBy: {
        type: 'string',
      },
      approvalRequired: {
        type: 'boolean',
      },
      humanStep: {
        type: 'boolean',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
      },
      expiresAt: {
        type: 'string',
        format: 'date-time',
      },
      outputs: {
        $ref: '#/components/schemas/DatabaseRequestOutputs',
      },
      resourceEntityRef: {
        type: 'string',
      },
      failureReason: {
        type: 'string',
      },
      cost: {
        $ref: '#/components/schemas/Cost',
      },
      approval: {
        $ref: '#/components/schemas/ApprovalState',
      },
    },
  },
  Cost: {
    type: 'object',
    additionalProperties: false,
    description:
      'An estimated monthly cost; `change` (operations) is what a change adds.',
    required: ['monthly', 'currency'],
    properties: {
      monthly: {
        type: 'number',
      },
      currency: {
        type: 'string',
        pattern: '^[A-Z]{3}$',
      },
      change: {
        type: 'number',
      },
    },
  },
  Approval: {
    type: 'object',
    additionalProperties: false,
    required: ['approver', 'approvedAt'],
    properties: {
      approver: {
        type: 'string',
      },
      comment: {
        type: 'string',
      },
      approvedAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  ApprovalState: {
    type: 'object',
    additionalProperties: false,
    required: ['required', 'approvers', 'approvals'],
    properties: {
      required: {
        type: 'integer',
      },
      approvers: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      approvals: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/Approval',
        },
      },
    },
  },
} as const;
