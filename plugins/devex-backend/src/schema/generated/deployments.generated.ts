// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/deployments` routes of the spec, and the schemas only they use. */
export const deploymentsPaths = {
  '/deployments': {
    get: {
      operationId: 'GetDeployments',
      summary:
        'The latest deployments of a scope (all environments), newest first.',
      parameters: [
        {
          $ref: '#/components/parameters/entityRef',
        },
        {
          $ref: '#/components/parameters/group',
        },
        {
          $ref: '#/components/parameters/limit',
        },
        {
          name: 'environment',
          in: 'query',
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
        },
      ],
      responses: {
        '200': {
          description: 'Deployments.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeploymentListResponse',
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
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
} as const;

export const deploymentsSchemas = {
  DeploymentSummary: {
    type: 'object',
    required: [
      'source',
      'id',
      'service',
      'environment',
      'status',
      'finishedAt',
      'startedAt',
      'kind',
      'remediates',
      'commits',
      'failed',
      'recoveredAt',
      'rework',
      'demo',
    ],
    properties: {
      source: {
        type: 'string',
      },
      id: {
        type: 'string',
      },
      service: {
        type: 'string',
      },
      environment: {
        type: 'string',
      },
      status: {
        type: 'string',
        enum: ['success', 'failed'],
      },
      finishedAt: {
        type: 'string',
      },
      startedAt: {
        type: ['string', 'null'],
      },
      kind: {
        type: 'string',
        enum: ['normal', 'rollback', 'hotfix'],
      },
      remediates: {
        type: ['string', 'null'],
      },
      commits: {
        type: 'integer',
      },
      failed: {
        type: 'boolean',
        description:
          'A production success that caused a failure (incident or remediation).',
      },
      recoveredAt: {
        type: ['string', 'null'],
      },
      rework: {
        type: 'boolean',
      },
      demo: {
        type: 'boolean',
      },
    },
  },
  DeploymentListResponse: {
    type: 'object',
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/DeploymentSummary',
        },
      },
    },
  },
} as const;
