// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/incidents` routes of the spec, and the schemas only they use. */
export const incidentsPaths = {
  '/incidents': {
    get: {
      operationId: 'GetIncidents',
      summary: 'The latest incidents of a scope, newest first.',
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
      ],
      responses: {
        '200': {
          description: 'Incidents.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentListResponse',
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

export const incidentsSchemas = {
  IncidentSummary: {
    type: 'object',
    required: [
      'source',
      'id',
      'service',
      'startedAt',
      'resolvedAt',
      'deploymentId',
      'severity',
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
      startedAt: {
        type: 'string',
      },
      resolvedAt: {
        type: ['string', 'null'],
      },
      deploymentId: {
        type: ['string', 'null'],
      },
      severity: {
        type: ['string', 'null'],
      },
      demo: {
        type: 'boolean',
      },
    },
  },
  IncidentListResponse: {
    type: 'object',
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        items: {
          $ref: '#/components/schemas/IncidentSummary',
        },
      },
    },
  },
} as const;
