// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests` routes of the spec, and the schemas only they use. */
export const requestsPaths = {
  '/requests': {
    post: {
      operationId: 'CreateRequest',
      summary:
        'Files a database request; guardrails apply, approvals where policy says so.',
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A retry with the same key and body returns the same request.',
          schema: {
            type: 'string',
            pattern: '^[\\x21-\\x7e]{1,255}$',
          },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/CreateDatabaseRequest',
            },
          },
        },
      },
      responses: {
        '201': {
          description:
            'The request (a retry with the same Idempotency-Key returns the first one).',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseRequest',
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
    get: {
      operationId: 'ListRequests',
      summary: 'Lists requests the caller may read, newest first.',
      parameters: [
        {
          name: 'owner',
          in: 'query',
          allowReserved: true,
          description: 'Owning groups, comma-separated entity refs.',
          schema: {
            type: 'string',
            maxLength: 4000,
          },
        },
        {
          name: 'status',
          in: 'query',
          allowReserved: true,
          description: 'Statuses, comma-separated.',
          schema: {
            type: 'string',
            maxLength: 400,
          },
        },
        {
          name: 'requestedBy',
          in: 'query',
          allowReserved: true,
          description: 'User entity ref of the requester.',
          schema: {
            type: 'string',
            maxLength: 255,
          },
        },
      ],
      responses: {
        '200': {
          description: 'The requests.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/DatabaseRequest',
                    },
                  },
                },
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
      },
    },
  },
  '/requests/{id}': {
    get: {
      operationId: 'GetRequest',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary:
        'One request with its audit trail; `outputs` once ready, never a password.',
      responses: {
        '200': {
          description: 'The request and its events.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseRequestWithEvents',
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
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
    delete: {
      operationId: 'DeleteRequest',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary: 'Deprovisions (or withdraws a request still awaiting approval).',
      responses: {
        '202': {
          description: 'Deprovisioning started, or the request withdrawn.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseRequest',
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
        '404': {
          $ref: '#/components/responses/NotFound',
        },
        '409': {
          $ref: '#/components/responses/Conflict',
        },
      },
    },
  },
} as const;

export const requestsSchemas = {
  ProviderId: {
    type: 'string',
    description: 'Id of a provider module, a lowercase DNS label.',
    pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
  },
  CreateDatabaseRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'name', 'owner', 'environment', 'size', 'storageGB'],
    properties: {
      type: {
        $ref: '#/components/schemas/DatabaseType',
      },
      name: {
        type: 'string',
        maxLength: 63,
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
        description:
          'A lowercase DNS label, unique per owner and environment among live requests.',
      },
      owner: {
        type: 'string',
        maxLength: 255,
        description:
          'Entity ref of the owning group, e.g. group:default/payments.',
      },
      system: {
        type: 'string',
        maxLength: 255,
      },
      component: {
        type: 'string',
        maxLength: 255,
      },
      environment: {
        $ref: '#/components/schemas/Environment',
      },
      size: {
        $ref: '#/components/schemas/DatabaseSize',
      },
      storageGB: {
        type: 'integer',
        minimum: 1,
      },
      version: {
        type: 'string',
        pattern: '^[0-9]{1,3}(\\.[0-9]{1,3})?$',
      },
      ttlHours: {
        type: 'integer',
        minimum: 1,
      },
      provider: {
        $ref: '#/components/schemas/ProviderId',
      },
    },
  },
  DatabaseRequestEvent: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'requestId', 'actor', 'action', 'createdAt'],
    properties: {
      id: {
        type: 'integer',
      },
      requestId: {
        type: 'string',
      },
      actor: {
        type: 'string',
      },
      action: {
        type: 'string',
      },
      fromStatus: {
        $ref: '#/components/schemas/DatabaseRequestStatus',
      },
      toStatus: {
        $ref: '#/components/schemas/DatabaseRequestStatus',
      },
      message: {
        type: 'string',
      },
      operationId: {
        type: 'string',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  DatabaseRequestWithEvents: {
    type: 'object',
    additionalProperties: false,
    required: [
      'events',
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
      events: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/DatabaseRequestEvent',
        },
      },
    },
  },
} as const;
