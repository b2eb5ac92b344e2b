// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/impact` routes of the spec, and the schemas only they use. */
export const impactPaths = {
  '/impact': {
    get: {
      operationId: 'GetImpact',
      summary:
        'DORA metrics of services per golden-path template and version, beside the rest.',
      description:
        'Cohorts by the golden-path lineage of each component in the catalog: one per template, one per template version, and the services made from no template. Each measure gives its sample count; below devex.impact.minimumSamples its value is null and tooFewSamples is true, so no comparison is drawn from too little data.\n',
      parameters: [
        {
          $ref: '#/components/parameters/from',
        },
        {
          $ref: '#/components/parameters/to',
        },
        {
          $ref: '#/components/parameters/group',
        },
      ],
      responses: {
        '200': {
          description: 'The cohorts.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ImpactResponse',
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

export const impactSchemas = {
  ImpactMeasure: {
    type: 'object',
    description:
      'A value with its sample count; null (and tooFewSamples) below the minimum.',
    required: ['value', 'samples', 'tooFewSamples'],
    properties: {
      value: {
        $ref: '#/components/schemas/NullableNumber',
      },
      samples: {
        type: 'integer',
      },
      tooFewSamples: {
        type: 'boolean',
      },
    },
  },
  ImpactCohort: {
    type: 'object',
    required: [
      'kind',
      'templateRef',
      'templateVersion',
      'services',
      'deployments',
      'deploymentFrequency',
      'leadTimeHours',
      'changeFailureRate',
      'recoveryTimeHours',
      'timeToFirstDeploymentHours',
    ],
    properties: {
      kind: {
        type: 'string',
        enum: ['template', 'templateVersion', 'none'],
      },
      templateRef: {
        type: ['string', 'null'],
      },
      templateVersion: {
        type: ['string', 'null'],
        description:
          'The version, or "unknown" for services whose lineage names none.',
      },
      services: {
        type: 'integer',
      },
      deployments: {
        type: 'integer',
      },
      deploymentFrequency: {
        description:
          'Production deployments per service per week (samples are services).',
        $ref: '#/components/schemas/ImpactMeasure',
      },
      leadTimeHours: {
        description: 'Median lead time for changes (samples are commits).',
        $ref: '#/components/schemas/ImpactMeasure',
      },
      changeFailureRate: {
        description: 'Failed over all deployments (samples are deployments).',
        $ref: '#/components/schemas/ImpactMeasure',
      },
      recoveryTimeHours: {
        description:
          'Median failed deployment recovery time (samples are recovered failures).',
        $ref: '#/components/schemas/ImpactMeasure',
      },
      timeToFirstDeploymentHours: {
        description:
          'Median from creation by the golden path to the first production deployment, of the services created in the window (samples are those already deployed).\n',
        $ref: '#/components/schemas/ImpactMeasure',
      },
    },
  },
  ImpactResponse: {
    type: 'object',
    required: ['scope', 'window', 'minimumSamples', 'cohorts'],
    properties: {
      scope: {
        $ref: '#/components/schemas/Scope',
      },
      window: {
        $ref: '#/components/schemas/Window',
      },
      minimumSamples: {
        type: 'integer',
      },
      cohorts: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/ImpactCohort',
        },
      },
    },
  },
} as const;
