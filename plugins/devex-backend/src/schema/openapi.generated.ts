// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
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
  paths: {
    '/events': {
      post: {
        operationId: 'PostEvents',
        summary:
          'Store deployment, incident and change events (CI and CD pipelines).',
        description:
          "For service credentials (a CI token issued through `backend.auth.externalAccess`). A signed-in user may send events only for services owned by one of their teams. Each (`source`, `id`) is an event's identity: a re-send replaces it, but only the principal that first wrote it may replace it (409 otherwise). The source `github` belongs to the webhook. Survey answers are not events: they come only through `POST /surveys`.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EventBatch',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored (all of the batch, or nothing).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResponse',
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
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/dora': {
      get: {
        operationId: 'GetDora',
        summary:
          'The DORA metrics of a service, a team or the organisation in a window.',
        parameters: [
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/entityRef',
          },
          {
            $ref: '#/components/parameters/group',
          },
        ],
        responses: {
          '200': {
            description:
              'The metrics; medians and ratios without samples are null, never 0.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DoraMetricsResponse',
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
    '/dora/series': {
      get: {
        operationId: 'GetDoraSeries',
        summary: 'Weekly DORA points for charts, cut in a time zone.',
        parameters: [
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/entityRef',
          },
          {
            $ref: '#/components/parameters/group',
          },
          {
            name: 'bucket',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['week'],
            },
          },
          {
            name: 'tz',
            in: 'query',
            allowReserved: true,
            description:
              "IANA time zone (default the team's configured zone, then devex.timeZone).",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One point per ISO week.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DoraSeriesResponse',
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
    '/devex/measures': {
      get: {
        operationId: 'GetDevexMeasures',
        summary:
          'Time to first production deployment, self-service ratio and template adoption.',
        parameters: [
          {
            $ref: '#/components/parameters/entityRef',
          },
          {
            $ref: '#/components/parameters/group',
          },
        ],
        responses: {
          '200': {
            description: 'The measures.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DevexMeasuresResponse',
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
    '/changes': {
      get: {
        operationId: 'GetChanges',
        summary:
          'Review flow of the changes (pull requests) merged in a window.',
        description:
          'Cycle time split into coding (first commit to opened), pickup (opened to first review), review (first review to merged) and deploy (merged to the first successful production deployment of the service listing the merge commit), as median and p75 in hours. A change counts when its merge time is in the window; a stage that has not ended, or ends before it starts, is no sample; without samples the values are null. `open` counts the changes opened in the window that are neither merged nor closed.\n',
        parameters: [
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/entityRef',
          },
          {
            $ref: '#/components/parameters/group',
          },
        ],
        responses: {
          '200': {
            description: 'The review flow.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeFlowResponse',
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
    '/surveys': {
      post: {
        operationId: 'PostSurvey',
        summary: "The signed-in user's pulse survey answer.",
        description:
          'Signed-in users only. One answer per person per survey period (devex.surveys.period): a second answer in the same period replaces the first. Stored under a pseudonym.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveySubmission',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveySubmissionResponse',
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
        },
      },
    },
    '/surveys/summary': {
      get: {
        operationId: 'GetSurveySummary',
        summary:
          'Pulse survey results of a window, with anonymity rules applied.',
        description:
          'The window is widened to whole UTC days and must span at least devex.surveys.minimumWindowDays. Scores of a breakdown (the whole organisation, each team) are shown only with at least devex.surveys.minimumRespondents respondents. Comments are returned only to members of the platform team, with the ISO week they were written in instead of a time.\n',
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
                  $ref: '#/components/schemas/SurveySummaryResponse',
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
    '/availability': {
      get: {
        operationId: 'GetAvailability',
        summary:
          "The portal's uptime per week, from its own readiness probed every minute.",
        description:
          "The scheduler probes the backend's readiness endpoint once a minute (one replica at a time). Uptime is the minutes found up over the minutes measured, from the first probe ever recorded to the last minute that is over; a minute without a probe counts as down.\n",
        parameters: [
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            name: 'tz',
            in: 'query',
            allowReserved: true,
            description:
              'IANA time zone the weeks are cut in (default devex.timeZone).',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Uptime per ISO week and in total.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AvailabilityResponse',
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
    '/provisioning/weeks': {
      get: {
        operationId: 'GetProvisioningWeeks',
        summary:
          'Provisioning success rate and automated vs manual work, per week.',
        description:
          "From provisioning's request events. A request succeeds in the week it first reaches ready and fails in the week its provisioning fails (before ever being ready); the success rate is succeeded over both. Automated requests reached ready with no person other than the requester acting; every state change is an action, counted by who took it (the platform itself, the requester, or another person).\n",
        parameters: [
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            name: 'tz',
            in: 'query',
            allowReserved: true,
            description:
              'IANA time zone the weeks are cut in (default devex.timeZone).',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Per ISO week and in total.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProvisioningWeeksResponse',
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
    '/level-bands': {
      get: {
        operationId: 'GetLevelBands',
        summary:
          "The DORA report whose level bands judge the organisation's metrics, and the choices.",
        responses: {
          '200': {
            description: 'The selection.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LevelBandSelectionResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
      put: {
        operationId: 'PutLevelBands',
        summary: 'Choose the report for the organisation (platform team only).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['report'],
                properties: {
                  report: {
                    $ref: '#/components/schemas/LevelBandReport',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The new selection.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LevelBandSelectionResponse',
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
        },
      },
    },
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
  },
  components: {
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
    schemas: {
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
      Timestamp: {
        type: 'string',
        format: 'date-time',
        description: 'RFC 3339 with an offset ("Z" or "+02:00").',
      },
      Identifier: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x21-\\x7e]+$',
      },
      EntityRef: {
        type: 'string',
        pattern: '^[A-Za-z0-9\\-_.]+:[A-Za-z0-9\\-_.]+/[A-Za-z0-9\\-_.]+$',
        description:
          'A full entity ref such as component:default/payments-api.',
      },
      Commit: {
        type: 'object',
        additionalProperties: false,
        required: ['sha', 'committedAt'],
        properties: {
          sha: {
            type: 'string',
            pattern: '^[0-9a-fA-F]{7,64}$',
          },
          committedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      DeploymentData: {
        type: 'object',
        additionalProperties: false,
        required: ['environment', 'status', 'finishedAt', 'commits'],
        properties: {
          environment: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          status: {
            type: 'string',
            enum: ['success', 'failed'],
          },
          finishedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          startedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          commits: {
            type: 'array',
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/Commit',
            },
          },
          kind: {
            type: 'string',
            enum: ['normal', 'rollback', 'hotfix'],
          },
          remediates: {
            $ref: '#/components/schemas/Identifier',
          },
        },
      },
      IncidentData: {
        type: 'object',
        additionalProperties: false,
        required: ['startedAt'],
        properties: {
          startedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          resolvedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          deploymentId: {
            $ref: '#/components/schemas/Identifier',
          },
          severity: {
            type: 'string',
            maxLength: 50,
          },
        },
      },
      Event: {
        description:
          'One event; (`source`, `id`) is its identity. `type` says which: a deployment, an incident or a change (a pull or merge request).\n',
        type: 'object',
        required: ['type'],
        discriminator: {
          propertyName: 'type',
        },
        oneOf: [
          {
            $ref: '#/components/schemas/DeploymentEvent',
          },
          {
            $ref: '#/components/schemas/IncidentEvent',
          },
          {
            $ref: '#/components/schemas/ChangeEvent',
          },
        ],
      },
      DeploymentEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'source', 'type', 'subject', 'data'],
        properties: {
          id: {
            $ref: '#/components/schemas/Identifier',
          },
          source: {
            $ref: '#/components/schemas/Identifier',
          },
          type: {
            type: 'string',
            const: 'deployment',
          },
          subject: {
            $ref: '#/components/schemas/EntityRef',
          },
          data: {
            $ref: '#/components/schemas/DeploymentData',
          },
        },
      },
      IncidentEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'source', 'type', 'subject', 'data'],
        properties: {
          id: {
            $ref: '#/components/schemas/Identifier',
          },
          source: {
            $ref: '#/components/schemas/Identifier',
          },
          type: {
            type: 'string',
            const: 'incident',
          },
          subject: {
            $ref: '#/components/schemas/EntityRef',
          },
          data: {
            $ref: '#/components/schemas/IncidentData',
          },
        },
      },
      ChangeData: {
        type: 'object',
        additionalProperties: false,
        description:
          'A change on its way to production. Times it has not reached yet are left out.\n',
        required: ['openedAt'],
        properties: {
          openedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          firstCommitAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          firstReviewAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          approvedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          mergedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          closedAt: {
            description:
              'Closed without being merged (abandoned), so no longer open.',
            $ref: '#/components/schemas/Timestamp',
          },
          mergeCommit: {
            type: 'string',
            pattern: '^[0-9a-fA-F]{7,64}$',
          },
          additions: {
            type: 'integer',
            minimum: 0,
            maximum: 100000000,
          },
          deletions: {
            type: 'integer',
            minimum: 0,
            maximum: 100000000,
          },
        },
      },
      ChangeEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'source', 'type', 'subject', 'data'],
        properties: {
          id: {
            $ref: '#/components/schemas/Identifier',
          },
          source: {
            $ref: '#/components/schemas/Identifier',
          },
          type: {
            type: 'string',
            const: 'change',
          },
          subject: {
            $ref: '#/components/schemas/EntityRef',
          },
          data: {
            $ref: '#/components/schemas/ChangeData',
          },
        },
      },
      EventBatch: {
        type: 'object',
        additionalProperties: false,
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            minItems: 1,
            maxItems: 5000,
            items: {
              $ref: '#/components/schemas/Event',
            },
          },
        },
      },
      IngestResponse: {
        type: 'object',
        required: ['accepted'],
        properties: {
          accepted: {
            type: 'integer',
            description:
              'Events stored (new, or replacing an earlier send of the same identity).',
          },
        },
      },
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
      DoraLevel: {
        type: ['string', 'null'],
        enum: ['elite', 'high', 'medium', 'low', null],
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
      DoraMetricsResponse: {
        type: 'object',
        required: [
          'scope',
          'window',
          'deploymentFrequency',
          'leadTime',
          'changeFailureRate',
          'recoveryTime',
          'reworkRate',
          'timeToRestore',
          'bands',
          'reportYear',
          'levelBands',
          'sources',
          'demo',
        ],
        properties: {
          scope: {
            $ref: '#/components/schemas/Scope',
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          deploymentFrequency: {
            type: 'object',
            required: ['deployments', 'perWeek', 'level'],
            properties: {
              deployments: {
                type: 'integer',
              },
              perWeek: {
                type: 'number',
              },
              level: {
                $ref: '#/components/schemas/DoraLevel',
              },
            },
          },
          leadTime: {
            type: 'object',
            required: ['medianHours', 'p90Hours', 'samples', 'level'],
            properties: {
              medianHours: {
                $ref: '#/components/schemas/NullableNumber',
              },
              p90Hours: {
                $ref: '#/components/schemas/NullableNumber',
              },
              samples: {
                type: 'integer',
              },
              level: {
                $ref: '#/components/schemas/DoraLevel',
              },
            },
          },
          changeFailureRate: {
            type: 'object',
            required: ['ratio', 'failedDeployments', 'deployments', 'level'],
            properties: {
              ratio: {
                $ref: '#/components/schemas/NullableNumber',
              },
              failedDeployments: {
                type: 'integer',
              },
              deployments: {
                type: 'integer',
              },
              level: {
                $ref: '#/components/schemas/DoraLevel',
              },
            },
          },
          recoveryTime: {
            type: 'object',
            required: ['medianHours', 'samples', 'open', 'level'],
            properties: {
              medianHours: {
                $ref: '#/components/schemas/NullableNumber',
              },
              samples: {
                type: 'integer',
              },
              open: {
                type: 'integer',
              },
              level: {
                $ref: '#/components/schemas/DoraLevel',
              },
            },
          },
          reworkRate: {
            type: 'object',
            required: ['ratio', 'reworkDeployments', 'deployments'],
            properties: {
              ratio: {
                $ref: '#/components/schemas/NullableNumber',
              },
              reworkDeployments: {
                type: 'integer',
              },
              deployments: {
                type: 'integer',
              },
            },
          },
          timeToRestore: {
            type: 'object',
            required: ['medianHours', 'samples', 'open'],
            properties: {
              medianHours: {
                $ref: '#/components/schemas/NullableNumber',
              },
              samples: {
                type: 'integer',
              },
              open: {
                type: 'integer',
              },
            },
          },
          bands: {
            description:
              'The thresholds levels were judged by; null when the chosen report has no tiers.',
            oneOf: [
              {
                $ref: '#/components/schemas/Bands',
              },
              {
                type: 'null',
              },
            ],
          },
          reportYear: {
            type: 'integer',
            description:
              'Year of the report behind the levels (levelBands names it in full).',
          },
          levelBands: {
            $ref: '#/components/schemas/LevelBandSet',
          },
          sources: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          demo: {
            type: 'boolean',
          },
        },
      },
      DoraSeriesPoint: {
        type: 'object',
        required: [
          'week',
          'start',
          'deployments',
          'leadTimeMedianHours',
          'leadTimeSamples',
          'changeFailureRate',
          'failedDeployments',
          'recoveryMedianHours',
          'reworkRate',
        ],
        properties: {
          week: {
            type: 'string',
          },
          start: {
            type: 'string',
          },
          deployments: {
            type: 'integer',
          },
          leadTimeMedianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          leadTimeSamples: {
            type: 'integer',
          },
          changeFailureRate: {
            $ref: '#/components/schemas/NullableNumber',
          },
          failedDeployments: {
            type: 'integer',
          },
          recoveryMedianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          reworkRate: {
            $ref: '#/components/schemas/NullableNumber',
          },
        },
      },
      DoraSeriesResponse: {
        type: 'object',
        required: [
          'scope',
          'window',
          'bucket',
          'timeZone',
          'points',
          'sources',
          'demo',
        ],
        properties: {
          scope: {
            $ref: '#/components/schemas/Scope',
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          bucket: {
            type: 'string',
            enum: ['week'],
          },
          timeZone: {
            type: 'string',
          },
          points: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DoraSeriesPoint',
            },
          },
          sources: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          demo: {
            type: 'boolean',
          },
        },
      },
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
      DevexMeasuresResponse: {
        type: 'object',
        required: ['timeToFirstDeployment', 'selfService', 'templateAdoption'],
        properties: {
          timeToFirstDeployment: {
            type: 'object',
            required: ['medianHours', 'samples', 'pending', 'services'],
            properties: {
              medianHours: {
                $ref: '#/components/schemas/NullableNumber',
              },
              samples: {
                type: 'integer',
              },
              pending: {
                type: 'integer',
                description:
                  'Services created from a template that have not deployed to production yet.',
              },
              services: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'entityRef',
                    'templateRef',
                    'templateVersion',
                    'createdAt',
                    'firstDeploymentAt',
                    'hours',
                  ],
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    templateRef: {
                      type: ['string', 'null'],
                    },
                    templateVersion: {
                      type: ['string', 'null'],
                    },
                    createdAt: {
                      type: 'string',
                    },
                    firstDeploymentAt: {
                      type: ['string', 'null'],
                    },
                    hours: {
                      $ref: '#/components/schemas/NullableNumber',
                    },
                  },
                },
              },
            },
          },
          selfService: {
            type: 'object',
            description:
              'Provisioning requests that reached ready with no person having to act, over all requests.\n',
            required: ['ratio', 'automated', 'total'],
            properties: {
              ratio: {
                $ref: '#/components/schemas/NullableNumber',
              },
              automated: {
                type: 'integer',
              },
              total: {
                type: 'integer',
              },
            },
          },
          templateAdoption: {
            type: 'object',
            required: ['components', 'fromTemplate', 'ratio', 'templates'],
            properties: {
              components: {
                type: 'integer',
              },
              fromTemplate: {
                type: 'integer',
              },
              ratio: {
                $ref: '#/components/schemas/NullableNumber',
              },
              templates: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['templateRef', 'components'],
                  properties: {
                    templateRef: {
                      type: 'string',
                    },
                    components: {
                      type: 'integer',
                    },
                  },
                },
              },
            },
          },
        },
      },
      StageSummary: {
        type: 'object',
        required: ['medianHours', 'p75Hours', 'samples'],
        properties: {
          medianHours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          p75Hours: {
            $ref: '#/components/schemas/NullableNumber',
          },
          samples: {
            type: 'integer',
          },
        },
      },
      ChangeFlowResponse: {
        type: 'object',
        required: [
          'scope',
          'window',
          'merged',
          'coding',
          'pickup',
          'review',
          'deploy',
          'size',
          'open',
        ],
        properties: {
          scope: {
            $ref: '#/components/schemas/Scope',
          },
          window: {
            $ref: '#/components/schemas/Window',
          },
          merged: {
            type: 'integer',
            description: 'Changes merged in the window.',
          },
          coding: {
            $ref: '#/components/schemas/StageSummary',
          },
          pickup: {
            $ref: '#/components/schemas/StageSummary',
          },
          review: {
            $ref: '#/components/schemas/StageSummary',
          },
          deploy: {
            $ref: '#/components/schemas/StageSummary',
          },
          size: {
            type: 'object',
            description:
              'Lines changed (additions plus deletions) of the merged changes that report them.',
            required: ['medianLines', 'p75Lines', 'samples', 'classes'],
            properties: {
              medianLines: {
                $ref: '#/components/schemas/NullableNumber',
              },
              p75Lines: {
                $ref: '#/components/schemas/NullableNumber',
              },
              samples: {
                type: 'integer',
              },
              classes: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['label', 'maxLines', 'changes'],
                  properties: {
                    label: {
                      type: 'string',
                    },
                    maxLines: {
                      type: ['integer', 'null'],
                      description:
                        'Largest size of the class (null for the last, unbounded one).',
                    },
                    changes: {
                      type: 'integer',
                    },
                  },
                },
              },
            },
          },
          open: {
            type: 'integer',
            description:
              'Changes opened in the window that are neither merged nor closed.',
          },
        },
      },
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
            description:
              'Failed over all deployments (samples are deployments).',
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
      SurveySubmission: {
        type: 'object',
        additionalProperties: false,
        required: ['score'],
        properties: {
          score: {
            type: 'integer',
            minimum: 0,
            maximum: 10,
            description:
              'How likely the user is to recommend the platform to a colleague.',
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      SurveySubmissionResponse: {
        type: 'object',
        required: ['period', 'replaced'],
        properties: {
          period: {
            type: 'string',
            description:
              'The survey period the answer counts for, e.g. 2026-12 or 2026-W49.',
          },
          replaced: {
            type: 'boolean',
            description:
              'The user had answered in this period before; this answer replaces it.',
          },
        },
      },
      SurveySummaryResponse: {
        type: 'object',
        required: [
          'window',
          'respondents',
          'suppressed',
          'nps',
          'promoters',
          'passives',
          'detractors',
          'comments',
          'teams',
          'minimumRespondents',
          'minimumWindowDays',
        ],
        properties: {
          window: {
            $ref: '#/components/schemas/Window',
          },
          respondents: {
            type: 'integer',
            description:
              'People who answered in the window (their latest answer counts).',
          },
          suppressed: {
            type: 'boolean',
            description:
              'Fewer respondents than the minimum; the scores below are withheld.',
          },
          nps: {
            $ref: '#/components/schemas/NullableNumber',
          },
          promoters: {
            type: ['integer', 'null'],
          },
          passives: {
            type: ['integer', 'null'],
          },
          detractors: {
            type: ['integer', 'null'],
          },
          comments: {
            description:
              'Only for members of the platform team (null for everyone else).',
            type: ['array', 'null'],
            items: {
              type: 'object',
              required: ['score', 'comment', 'week'],
              properties: {
                score: {
                  type: 'integer',
                },
                comment: {
                  type: 'string',
                },
                week: {
                  type: 'string',
                  description:
                    'ISO week the comment was written in, e.g. 2026-W49.',
                },
              },
            },
          },
          teams: {
            type: 'array',
            items: {
              type: 'object',
              required: ['group', 'respondents', 'suppressed', 'nps'],
              properties: {
                group: {
                  type: 'string',
                },
                respondents: {
                  type: 'integer',
                },
                suppressed: {
                  type: 'boolean',
                },
                nps: {
                  $ref: '#/components/schemas/NullableNumber',
                },
              },
            },
          },
          minimumRespondents: {
            type: 'integer',
          },
          minimumWindowDays: {
            type: 'integer',
          },
        },
      },
      FeedbackCategory: {
        type: 'string',
        enum: [
          'bug',
          'confusing',
          'missing-feature',
          'slow',
          'praise',
          'other',
        ],
      },
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
            description:
              'The portal path the feedback is about, e.g. /catalog.',
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
      AvailabilityMinutes: {
        type: 'object',
        required: [
          'measuredMinutes',
          'upMinutes',
          'probedDownMinutes',
          'missingMinutes',
          'uptime',
        ],
        properties: {
          measuredMinutes: {
            type: 'integer',
            description: 'Minutes from the first probe on that are over.',
          },
          upMinutes: {
            type: 'integer',
          },
          probedDownMinutes: {
            type: 'integer',
            description: 'Minutes whose probe got no 200 answer in time.',
          },
          missingMinutes: {
            type: 'integer',
            description: 'Minutes without a probe; counted as down.',
          },
          uptime: {
            description:
              'upMinutes over measuredMinutes; null when nothing was measured.',
            $ref: '#/components/schemas/NullableNumber',
          },
        },
      },
      AvailabilityResponse: {
        allOf: [
          {
            $ref: '#/components/schemas/AvailabilityMinutes',
          },
          {
            type: 'object',
            required: ['window', 'timeZone', 'firstProbeAt', 'weeks'],
            properties: {
              window: {
                $ref: '#/components/schemas/Window',
              },
              timeZone: {
                type: 'string',
              },
              firstProbeAt: {
                type: ['string', 'null'],
              },
              weeks: {
                type: 'array',
                items: {
                  allOf: [
                    {
                      $ref: '#/components/schemas/AvailabilityMinutes',
                    },
                    {
                      type: 'object',
                      required: ['week', 'start'],
                      properties: {
                        week: {
                          type: 'string',
                          description: 'ISO week, e.g. 2026-W49.',
                        },
                        start: {
                          type: 'string',
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
        ],
      },
      ProvisioningPeriod: {
        type: 'object',
        required: [
          'succeeded',
          'failed',
          'successRate',
          'automated',
          'manual',
          'automatedRatio',
          'actions',
        ],
        properties: {
          succeeded: {
            type: 'integer',
            description: 'Requests that first reached ready.',
          },
          failed: {
            type: 'integer',
            description:
              'Requests whose provisioning failed before ever being ready.',
          },
          successRate: {
            description:
              'succeeded over succeeded + failed; null when none ended.',
            $ref: '#/components/schemas/NullableNumber',
          },
          automated: {
            type: 'integer',
            description:
              'Succeeded with no person other than the requester acting.',
          },
          manual: {
            type: 'integer',
            description:
              'Succeeded after a person other than the requester acted (approval, manual step).',
          },
          automatedRatio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          actions: {
            type: 'object',
            description: 'State changes by who took them.',
            required: ['platform', 'requester', 'person'],
            properties: {
              platform: {
                type: 'integer',
                description: 'The platform acting by itself (automated).',
              },
              requester: {
                type: 'integer',
                description: 'The requester (self-service).',
              },
              person: {
                type: 'integer',
                description: 'Another person (manual).',
              },
            },
          },
        },
      },
      ProvisioningWeeksResponse: {
        allOf: [
          {
            $ref: '#/components/schemas/ProvisioningPeriod',
          },
          {
            type: 'object',
            required: ['window', 'timeZone', 'weeks'],
            properties: {
              window: {
                $ref: '#/components/schemas/Window',
              },
              timeZone: {
                type: 'string',
              },
              weeks: {
                type: 'array',
                items: {
                  allOf: [
                    {
                      $ref: '#/components/schemas/ProvisioningPeriod',
                    },
                    {
                      type: 'object',
                      required: ['week', 'start'],
                      properties: {
                        week: {
                          type: 'string',
                        },
                        start: {
                          type: 'string',
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
        ],
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
      LevelBandSelectionResponse: {
        type: 'object',
        required: ['selected', 'chosenBy', 'chosenAt', 'available'],
        properties: {
          selected: {
            $ref: '#/components/schemas/LevelBandSet',
          },
          chosenBy: {
            type: ['string', 'null'],
            description:
              'Who chose it in the portal; null while the configured default applies.',
          },
          chosenAt: {
            type: ['string', 'null'],
          },
          available: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LevelBandSet',
            },
          },
        },
      },
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
