// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/requests-operations` routes of the spec, and the schemas only they use. */
export const requestsOperationsPaths = {
  '/requests/{id}/operations': {
    post: {
      operationId: 'CreateOperation',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A retry with the same key and body returns the same operation.',
          schema: {
            type: 'string',
            pattern: '^[\\x21-\\x7e]{1,255}$',
          },
        },
      ],
      summary:
        'Asks for an operation on a ready database (owners and the platform team). Guardrails apply; it awaits approval where policy says so (resize and restore in production), else it starts. One unfinished operation per database (a rotation in its grace period blocks only another rotation).',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/CreateDatabaseOperation',
            },
          },
        },
      },
      responses: {
        '201': {
          description:
            'The operation (a retry with the same Idempotency-Key returns the first one).',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseOperation',
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
    get: {
      operationId: 'ListOperations',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
      ],
      summary: "The operations on a request's database, newest first.",
      responses: {
        '200': {
          description: 'The operations.',
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
                      $ref: '#/components/schemas/DatabaseOperation',
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
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
  '/requests/{id}/operations/{operationId}': {
    get: {
      operationId: 'GetOperation',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
        {
          $ref: '#/components/parameters/OperationId',
        },
      ],
      summary: 'One operation.',
      responses: {
        '200': {
          description: 'The operation.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseOperation',
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
  },
  '/requests/{id}/operations/{operationId}/approve': {
    post: {
      operationId: 'ApproveOperation',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
        {
          $ref: '#/components/parameters/OperationId',
        },
      ],
      summary:
        "Adds the caller's approval; with the environment's required number of approvals by distinct people, awaiting-approval → in-progress. Approvers of the environment only, never who asked for it (four eyes); a second approval by the same person is a 409.",
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ReviewDatabaseRequest',
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The approved operation.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseOperation',
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
  '/requests/{id}/operations/{operationId}/reject': {
    post: {
      operationId: 'RejectOperation',
      parameters: [
        {
          $ref: '#/components/parameters/RequestId',
        },
        {
          $ref: '#/components/parameters/OperationId',
        },
      ],
      summary:
        'awaiting-approval → rejected, with a reason. Approvers only, never who asked for it.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ReviewDatabaseRequest',
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The rejected operation.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatabaseOperation',
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

export const requestsOperationsSchemas = {
  DatabaseOperationType: {
    type: 'string',
    enum: ['resize', 'rotate-credentials', 'extend', 'snapshot', 'restore'],
  },
  CreateDatabaseOperation: {
    type: 'object',
    description:
      '`type` and its fields: resize `size` and/or `storageGB`; rotate-credentials none; extend `hours` (optional); snapshot `label` (optional); restore `snapshotId`. A field of another type is refused.',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: {
        $ref: '#/components/schemas/DatabaseOperationType',
      },
      size: {
        $ref: '#/components/schemas/DatabaseSize',
      },
      storageGB: {
        type: 'integer',
        minimum: 1,
      },
      hours: {
        type: 'integer',
        minimum: 1,
      },
      label: {
        type: 'string',
        maxLength: 100,
      },
      snapshotId: {
        type: 'string',
        pattern:
          '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
    },
  },
  DatabaseOperation: {
    type: 'object',
    additionalProperties: false,
    required: [
      'id',
      'requestId',
      'type',
      'status',
      'parameters',
      'requestedBy',
      'approvalRequired',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      id: {
        type: 'string',
      },
      requestId: {
        type: 'string',
      },
      type: {
        $ref: '#/components/schemas/DatabaseOperationType',
      },
      status: {
        type: 'string',
        enum: [
          'awaiting-approval',
          'in-progress',
          'done',
          'failed',
          'rejected',
        ],
      },
      phase: {
        type: 'string',
        enum: ['apply', 'grace'],
        description:
          'Of an in-progress operation; `grace` while replaced credentials still work.',
      },
      parameters: {
        type: 'object',
        description: 'What was asked (CreateDatabaseOperation).',
        additionalProperties: true,
        required: ['type'],
        properties: {
          type: {
            $ref: '#/components/schemas/DatabaseOperationType',
          },
        },
      },
      requestedBy: {
        type: 'string',
      },
      approvalRequired: {
        type: 'boolean',
      },
      approvalReasons: {
        type: 'array',
        description: 'The rules (config keys) that require the approval.',
        items: {
          type: 'string',
        },
      },
      plannedChange: {
        type: 'string',
        description:
          'Unified diff a GitOps provider will commit, shown before approval.',
      },
      result: {
        type: 'object',
        description:
          'The outcome (new expiry, snapshot id, grace end); never a secret.',
        additionalProperties: true,
      },
      failureReason: {
        type: 'string',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
      },
      approval: {
        $ref: '#/components/schemas/ApprovalState',
        description:
          "On approve and reject answers, the environment's rule and the approvals given.",
      },
      cost: {
        $ref: '#/components/schemas/Cost',
        description:
          'The monthly cost after the operation and its `change`, priced when asked for.',
      },
    },
  },
} as const;
