// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The spec without its paths, and the components several resources use. */
export const document = {
  openapi: '3.1.0',
  info: {
    title: 'devex',
    version: '1',
    description:
      "Paved's DevEx backend: DORA metrics from deployment and incident events, golden-path and self-service measures, and the in-portal pulse survey. Every route needs a Backstage token except the GitHub webhook, which checks GitHub's signature instead. Bad input is answered 400 with Backstage's error body whose message names every violation as `<field>: <problem> (rule: <rule>)`, separated by `; `.\n",
    license: {
      name: 'Apache-2.0',
      identifier: 'Apache-2.0',
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
    from: {
      name: 'from',
      in: 'query',
      allowReserved: true,
      description:
        'Window start, RFC 3339 with offset (default 90 days before `to`).',
      schema: {
        type: 'string',
        format: 'date-time',
      },
    },
    to: {
      name: 'to',
      in: 'query',
      allowReserved: true,
      description:
        'Window end (exclusive), RFC 3339 with offset (default now).',
      schema: {
        type: 'string',
        format: 'date-time',
      },
    },
    entityRef: {
      name: 'entityRef',
      in: 'query',
      allowReserved: true,
      description: 'One service (a group ref here means that group).',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
      },
    },
    group: {
      name: 'group',
      in: 'query',
      allowReserved: true,
      description:
        'A team; pools every service it owns directly or through sub-groups.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
      },
    },
    limit: {
      name: 'limit',
      in: 'query',
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: 500,
        default: 50,
      },
    },
  },
  responses: {
    BadRequest: {
      description: 'Bad input; the message names every violation.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    Unauthorized: {
      description: 'Missing or invalid credentials (or webhook signature).',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    Forbidden: {
      description: 'The caller may not do this.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    NotFound: {
      description: 'The group is not in the catalog.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    Conflict: {
      description: 'The request conflicts with what is stored.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    TooLarge: {
      description: 'The body is larger than allowed.',
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/Error',
          },
        },
      },
    },
    TooManyRequests: {
      description:
        'Too many requests from this caller; try again after Retry-After seconds.',
      headers: {
        'Retry-After': {
          schema: {
            type: 'integer',
          },
        },
      },
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
        properties: {
          statusCode: {
            type: 'integer',
          },
        },
      },
    },
  },
  Scope: {
    oneOf: [
      {
        type: 'object',
        required: ['kind'],
        properties: {
          kind: {
            const: 'organization',
          },
        },
      },
      {
        type: 'object',
        required: ['kind', 'group', 'services'],
        properties: {
          kind: {
            const: 'group',
          },
          group: {
            type: 'string',
          },
          services: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      {
        type: 'object',
        required: ['kind', 'entityRef'],
        properties: {
          kind: {
            const: 'entity',
          },
          entityRef: {
            type: 'string',
          },
        },
      },
    ],
  },
  Window: {
    type: 'object',
    required: ['from', 'to'],
    properties: {
      from: {
        type: 'string',
      },
      to: {
        type: 'string',
      },
    },
  },
  NullableNumber: {
    type: ['number', 'null'],
  },
  Band: {
    type: 'object',
    required: ['elite', 'high', 'medium'],
    properties: {
      elite: {
        type: 'number',
      },
      high: {
        type: 'number',
      },
      medium: {
        type: 'number',
      },
    },
  },
  Bands: {
    type: 'object',
    description:
      'Level thresholds. Deployment frequency: per week, reached at or above. Lead and recovery time: hours, reached below. Change failure rate: ratio, reached at or below.\n',
    required: [
      'deploymentFrequency',
      'leadTime',
      'changeFailureRate',
      'recoveryTime',
    ],
    properties: {
      deploymentFrequency: {
        $ref: '#/components/schemas/Band',
      },
      leadTime: {
        $ref: '#/components/schemas/Band',
      },
      changeFailureRate: {
        $ref: '#/components/schemas/Band',
      },
      recoveryTime: {
        $ref: '#/components/schemas/Band',
      },
    },
  },
  FeedbackCategory: {
    type: 'string',
    enum: ['bug', 'confusing', 'missing-feature', 'slow', 'praise', 'other'],
  },
  LevelBandReport: {
    type: 'string',
    enum: ['dora-2023', 'dora-2024', 'none'],
    description:
      'dora-2023, dora-2024, or none (DORA 2025 dropped tiers; values and trends only).',
  },
  LevelBandSet: {
    type: 'object',
    required: [
      'report',
      'title',
      'source',
      'reportYear',
      'bands',
      'note',
      'adjusted',
    ],
    properties: {
      report: {
        $ref: '#/components/schemas/LevelBandReport',
      },
      title: {
        type: 'string',
        description: 'Short name for the badge, e.g. DORA 2024.',
      },
      source: {
        type: 'string',
      },
      reportYear: {
        type: 'integer',
      },
      bands: {
        description: 'Thresholds; null when the report has no tiers.',
        oneOf: [
          {
            $ref: '#/components/schemas/Bands',
          },
          {
            type: 'null',
          },
        ],
      },
      note: {
        type: 'string',
      },
      adjusted: {
        type: 'boolean',
        description:
          'Thresholds were overridden in configuration (devex.levelBands.<metric>).',
      },
    },
  },
} as const;
