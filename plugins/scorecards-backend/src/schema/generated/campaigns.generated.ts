// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

/** The `/campaigns` routes of the spec, and the schemas only they use. */
export const campaignsPaths = {
  '/campaigns': {
    get: {
      operationId: 'listCampaigns',
      responses: {
        '200': {
          description: 'Campaigns with their current progress.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/Campaign',
                    },
                  },
                },
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
      },
    },
    post: {
      operationId: 'createCampaign',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/CampaignInput',
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'The campaign.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Campaign',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/Error',
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
        '403': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
  '/campaigns/{id}': {
    parameters: [
      {
        $ref: '#/components/parameters/id',
      },
    ],
    get: {
      operationId: 'getCampaign',
      responses: {
        '200': {
          description: 'The campaign, its progress and history.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Campaign',
              },
            },
          },
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
        '404': {
          $ref: '#/components/responses/Error',
        },
      },
    },
    patch: {
      operationId: 'updateCampaign',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: {
                not: {},
              },
              properties: {
                title: {
                  type: 'string',
                  minLength: 3,
                  maxLength: 120,
                },
                description: {
                  type: 'string',
                  maxLength: 4000,
                },
                target: {
                  $ref: '#/components/schemas/CampaignTarget',
                },
                deadline: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The campaign.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Campaign',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/Error',
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
        '403': {
          $ref: '#/components/responses/Error',
        },
        '404': {
          $ref: '#/components/responses/Error',
        },
      },
    },
    delete: {
      operationId: 'deleteCampaign',
      responses: {
        '204': {
          description: 'Ended and removed.',
        },
        '401': {
          $ref: '#/components/responses/Error',
        },
        '403': {
          $ref: '#/components/responses/Error',
        },
        '404': {
          $ref: '#/components/responses/Error',
        },
      },
    },
  },
} as const;

export const campaignsSchemas = {
  CampaignTarget: {
    type: 'object',
    additionalProperties: {
      not: {},
    },
    properties: {
      owners: {
        type: 'array',
        maxItems: 100,
        items: {
          $ref: '#/components/schemas/EntityRef',
        },
      },
      kinds: {
        type: 'array',
        maxItems: 10,
        items: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      entityRefs: {
        type: 'array',
        maxItems: 1000,
        items: {
          $ref: '#/components/schemas/EntityRef',
        },
      },
    },
  },
  CampaignInput: {
    type: 'object',
    required: ['title', 'checkId', 'target', 'deadline'],
    additionalProperties: {
      not: {},
    },
    properties: {
      title: {
        type: 'string',
        minLength: 3,
        maxLength: 120,
      },
      description: {
        type: 'string',
        maxLength: 4000,
      },
      checkId: {
        type: 'string',
        minLength: 1,
        maxLength: 63,
      },
      target: {
        $ref: '#/components/schemas/CampaignTarget',
      },
      deadline: {
        type: 'string',
        format: 'date-time',
      },
    },
  },
  Campaign: {
    type: 'object',
    required: [
      'id',
      'title',
      'description',
      'checkId',
      'target',
      'deadline',
      'createdBy',
      'createdAt',
      'updatedAt',
      'progress',
    ],
    properties: {
      id: {
        type: 'string',
      },
      title: {
        type: 'string',
      },
      description: {
        type: 'string',
      },
      checkId: {
        type: 'string',
      },
      target: {
        $ref: '#/components/schemas/CampaignTarget',
      },
      deadline: {
        type: 'string',
      },
      createdBy: {
        type: 'string',
      },
      createdAt: {
        type: 'string',
      },
      updatedAt: {
        type: 'string',
      },
      progress: {
        type: 'object',
        required: ['total', 'done', 'remaining', 'history'],
        properties: {
          total: {
            type: 'integer',
          },
          done: {
            type: 'integer',
          },
          remaining: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          history: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
    },
  },
} as const;
