// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/feedback-summary` routes of the spec, and the schemas only they use. */
export const feedbackSummaryPaths = {
  '/feedback/summary': {
    get: {
      operationId: 'GetFeedbackSummary',
      summary: 'Portal feedback of a window by page and by category.',
      description:
        'Ratings are shown to everyone signed in; the latest comments (with who wrote them) only to members of the platform team.\n',
      parameters: [
        {
          $ref: '#/components/parameters/from',
        },
        {
          $ref: '#/components/parameters/to',
        },
      ],
      responses: {
        '200': {
          description: 'The summary.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FeedbackSummaryResponse',
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

export const feedbackSummarySchemas = {
  FeedbackRatings: {
    type: 'object',
    required: ['responses', 'averageRating', 'lowRatings'],
    properties: {
      responses: {
        type: 'integer',
      },
      averageRating: {
        $ref: '#/components/schemas/NullableNumber',
      },
      lowRatings: {
        type: 'integer',
        description: 'Ratings of 2 or less.',
      },
    },
  },
  FeedbackSummaryResponse: {
    allOf: [
      {
        $ref: '#/components/schemas/FeedbackRatings',
      },
      {
        type: 'object',
        required: ['window', 'byPage', 'byCategory', 'latest'],
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          byPage: {
            type: 'array',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/FeedbackRatings',
                },
                {
                  type: 'object',
                  required: ['page'],
                  properties: {
                    page: {
                      type: 'string',
                    },
                  },
                },
              ],
            },
          },
          byCategory: {
            type: 'array',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/FeedbackRatings',
                },
                {
                  type: 'object',
                  required: ['category'],
                  properties: {
                    category: {
                      $ref: '#/components/schemas/FeedbackCategory',
                    },
                  },
                },
              ],
            },
          },
          latest: {
            description:
              'The latest feedback with comments; null unless the reader is on the platform team.',
            type: ['array', 'null'],
            items: {
              type: 'object',
              required: [
                'rating',
                'category',
                'comment',
                'page',
                'lastAction',
                'userRef',
                'submittedAt',
              ],
              properties: {
                rating: {
                  type: 'integer',
                },
                category: {
                  $ref: '#/components/schemas/FeedbackCategory',
                },
                comment: {
                  type: ['string', 'null'],
                },
                page: {
                  type: 'string',
                },
                lastAction: {
                  type: ['string', 'null'],
                },
                userRef: {
                  type: 'string',
                },
                submittedAt: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
    ],
  },
} as const;
