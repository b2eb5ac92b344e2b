// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

/** The `/webhooks-github` routes of the spec, and the schemas only they use. */
export const webhooksGithubPaths = {
  '/webhooks/github': {
    post: {
      operationId: 'PostGithubWebhook',
      summary:
        'GitHub deliveries (push, deployment_status, workflow_run, issues, pull_request, pull_request_review).\n',
      description:
        "Authenticated by the `X-Hub-Signature-256` HMAC of the raw body, checked while the body streams in (at most devex.github.maxPayloadBytes). A delivery seen before (`X-GitHub-Delivery`) is acknowledged and not applied again; an event older than the stored state of the same deployment or issue (by GitHub's own timestamps) does not replace it.\n",
      security: [],
      parameters: [
        {
          name: 'X-GitHub-Event',
          in: 'header',
          required: true,
          schema: {
            type: 'string',
          },
        },
        {
          name: 'X-GitHub-Delivery',
          in: 'header',
          required: true,
          schema: {
            type: 'string',
          },
        },
        {
          name: 'X-Hub-Signature-256',
          in: 'header',
          required: true,
          schema: {
            type: 'string',
          },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
            },
          },
        },
      },
      responses: {
        '202': {
          description: 'Accepted, ignored or already seen.',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/WebhookResponse',
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
        '413': {
          $ref: '#/components/responses/TooLarge',
        },
      },
    },
  },
} as const;

export const webhooksGithubSchemas = {
  WebhookResponse: {
    type: 'object',
    required: ['accepted'],
    properties: {
      accepted: {
        type: 'integer',
      },
      ignored: {
        type: 'string',
        description: 'Why the delivery changed nothing, when it did not.',
      },
      duplicate: {
        type: 'boolean',
        description: 'The delivery (X-GitHub-Delivery) was seen before.',
      },
    },
  },
} as const;
