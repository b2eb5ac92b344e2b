// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/feedback` routes of the spec, and the schemas only they use. */
export const feedbackPaths = {
  '/feedback': {
    post: {
      operationId: 'PostFeedback',
      summary: 'Feedback from the control on every portal page.',
      description:
        'Signed-in users only. Rating 1 to 5, a category from the fixed list, an optional comment, the page (a portal path, no host, query or fragment) and the last action. A rating of 2 or less notifies the platform team at once. The same feedback sent again by the same person within minutes is stored once (200 with the earlier id); a person may send at most devex.feedback.maxPerHour pieces an hour (429 with Retry-After beyond).\n',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/FeedbackSubmission',
            },
          },
        },
      },
      responses: {
        '200': {
          description:
            'The same feedback was received moments ago; nothing new was stored.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FeedbackReceipt',
              },
            },
          },
        },
        '201': {
          description: 'Stored.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FeedbackReceipt',
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
        '429': {
          $ref: '#/components/responses/TooManyRequests',
        },
      },
    },
  },
} as const;

export const feedbackSchemas = {
  FeedbackSubmission: {
    type: 'object',
    additionalProperties: false,
    required: ['rating', 'category', 'page'],
    properties: {
      rating: {
        type: 'integer',
        minimum: 1,
        maximum: 5,
      },
      category: {
        $ref: '#/components/schemas/FeedbackCategory',
      },
      comment: {
        type: 'string',
        maxLength: 2000,
      },
      page: {
        type: 'string',
        description: 'The portal path the feedback is about, e.g. /catalog.',
        maxLength: 300,
        pattern: "^/(?!/)[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]*$",
      },
      lastAction: {
        type: 'string',
        description:
          'What the person last did on the page, e.g. "clicked Register".',
        maxLength: 200,
      },
    },
  },
  FeedbackReceipt: {
    type: 'object',
    required: ['id', 'duplicate'],
    properties: {
      id: {
        type: 'integer',
      },
      duplicate: {
        type: 'boolean',
        description:
          'The same feedback was received moments ago and is not stored twice.',
      },
    },
  },
} as const;
