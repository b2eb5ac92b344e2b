// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/approvals` routes of the spec, and the schemas only they use. */
export const approvalsPaths = {
  '/approvals': {
    get: {
      operationId: 'ListApprovals',
      summary:
        'The approvals inbox: pending requests in environments the caller approves, each with what it would create, its monthly cost, the approvals so far and whether the caller may approve.',
      responses: {
        '200': {
          description: 'Oldest first.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items', 'environments'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/ApprovalInboxItem',
                    },
                  },
                  environments: {
                    type: 'array',
                    description:
                      'The environments the caller approves in (empty for non-approvers).',
                    items: {
                      $ref: '#/components/schemas/Environment',
                    },
                  },
                },
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Unauthorized',
        },
      },
    },
  },
} as const;

export const approvalsSchemas = {
  ApprovalInboxItem: {
    type: 'object',
    additionalProperties: false,
    required: [
      'subjectType',
      'id',
      'requestId',
      'request',
      'title',
      'owner',
      'environment',
      'requestedBy',
      'createdAt',
      'diff',
      'approval',
      'canApprove',
    ],
    properties: {
      subjectType: {
        type: 'string',
        enum: ['request', 'operation'],
      },
      id: {
        type: 'string',
      },
      requestId: {
        type: 'string',
      },
      request: {
        $ref: '#/components/schemas/DatabaseRequest',
      },
      title: {
        type: 'string',
      },
      owner: {
        type: 'string',
      },
      environment: {
        type: 'string',
      },
      requestedBy: {
        type: 'string',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
      },
      cost: {
        $ref: '#/components/schemas/Cost',
      },
      diff: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['field'],
          properties: {
            field: {
              type: 'string',
            },
            before: {
              type: 'string',
            },
            after: {
              type: 'string',
            },
          },
        },
      },
      approval: {
        $ref: '#/components/schemas/ApprovalState',
      },
      canApprove: {
        type: 'boolean',
      },
      reason: {
        type: 'string',
      },
    },
  },
} as const;
