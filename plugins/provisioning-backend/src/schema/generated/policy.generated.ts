// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

/** The `/policy` routes of the spec, and the schemas only they use. */
export const policyPaths = {
  '/policy': {
    get: {
      operationId: 'GetPolicy',
      summary:
        "The effective guardrails; with `owner`, that team's usage and remaining quota.",
      parameters: [
        {
          name: 'owner',
          in: 'query',
          allowReserved: true,
          description: 'A group entity ref.',
          schema: {
            type: 'string',
            maxLength: 255,
          },
        },
      ],
      responses: {
        '200': {
          description: 'The policy.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProvisioningPolicy',
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
} as const;

export const policySchemas = {
  EnginePolicy: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'versions', 'defaultVersion'],
    properties: {
      type: {
        $ref: '#/components/schemas/DatabaseType',
      },
      versions: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      defaultVersion: {
        type: 'string',
      },
    },
  },
  TeamQuota: {
    type: 'object',
    additionalProperties: false,
    required: ['maxRequests', 'maxStorageGB'],
    properties: {
      maxRequests: {
        type: 'integer',
      },
      maxStorageGB: {
        type: 'integer',
      },
      monthlyBudget: {
        type: 'number',
      },
    },
  },
  EnvironmentPolicy: {
    type: 'object',
    additionalProperties: false,
    required: [
      'environment',
      'provider',
      'allowedProviders',
      'sizes',
      'storageGB',
      'requiresApproval',
      'approval',
    ],
    properties: {
      environment: {
        $ref: '#/components/schemas/Environment',
      },
      provider: {
        type: 'string',
      },
      allowedProviders: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      sizes: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/DatabaseSize',
        },
      },
      storageGB: {
        type: 'object',
        additionalProperties: false,
        required: ['min', 'max'],
        properties: {
          min: {
            type: 'integer',
          },
          max: {
            type: 'integer',
          },
        },
      },
      requiresApproval: {
        type: 'boolean',
      },
      approval: {
        $ref: '#/components/schemas/ApprovalRule',
      },
      maxTtlHours: {
        type: 'integer',
      },
      maxLifetimeHours: {
        type: 'integer',
      },
    },
  },
  ProvisioningPolicy: {
    type: 'object',
    additionalProperties: false,
    required: [
      'types',
      'versions',
      'defaultVersion',
      'engines',
      'environments',
      'sizesRequiringApproval',
      'platformTeam',
      'quota',
    ],
    properties: {
      types: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/DatabaseType',
        },
      },
      versions: {
        description: "PostgreSQL's versions (engines has every engine's).",
        type: 'array',
        items: {
          type: 'string',
        },
      },
      defaultVersion: {
        type: 'string',
      },
      engines: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/EnginePolicy',
        },
      },
      environments: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/EnvironmentPolicy',
        },
      },
      sizesRequiringApproval: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/DatabaseSize',
        },
      },
      platformTeam: {
        type: 'string',
      },
      quota: {
        type: 'object',
        additionalProperties: false,
        required: ['default', 'teams'],
        properties: {
          default: {
            $ref: '#/components/schemas/TeamQuota',
          },
          teams: {
            type: 'object',
            additionalProperties: {
              $ref: '#/components/schemas/TeamQuota',
            },
          },
        },
      },
      usage: {
        type: 'object',
        additionalProperties: false,
        required: [
          'owner',
          'quota',
          'requests',
          'storageGB',
          'remainingRequests',
          'remainingStorageGB',
          'monthlyCost',
        ],
        properties: {
          owner: {
            type: 'string',
          },
          quota: {
            $ref: '#/components/schemas/TeamQuota',
          },
          requests: {
            type: 'integer',
          },
          storageGB: {
            type: 'integer',
          },
          remainingRequests: {
            type: 'integer',
          },
          remainingStorageGB: {
            type: 'integer',
          },
          monthlyCost: {
            $ref: '#/components/schemas/Cost',
          },
        },
      },
    },
  },
  ApprovalRule: {
    type: 'object',
    additionalProperties: false,
    required: ['required', 'approvers'],
    properties: {
      required: {
        type: 'integer',
        minimum: 1,
      },
      approvers: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
    },
  },
} as const;
