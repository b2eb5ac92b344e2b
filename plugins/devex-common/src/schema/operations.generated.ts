// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************
/* eslint-disable */
import type { components } from './components.generated';

export interface operations {
  GetAvailability: {
    parameters: {
      query?: {
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
        /** @description IANA time zone the weeks are cut in (default devex.timeZone). */
        tz?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Uptime per ISO week and in total. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AvailabilityResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  GetChanges: {
    parameters: {
      query?: {
        /** @description One service (a group ref here means that group). */
        entityRef?: components['parameters']['entityRef'];
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The review flow. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangeFlowResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetDeployments: {
    parameters: {
      query?: {
        /** @description One service (a group ref here means that group). */
        entityRef?: components['parameters']['entityRef'];
        environment?: string;
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deployments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetDevexMeasures: {
    parameters: {
      query?: {
        /** @description One service (a group ref here means that group). */
        entityRef?: components['parameters']['entityRef'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The measures. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DevexMeasuresResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetDora: {
    parameters: {
      query?: {
        /** @description One service (a group ref here means that group). */
        entityRef?: components['parameters']['entityRef'];
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics; medians and ratios without samples are null, never 0. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DoraMetricsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetDoraSeries: {
    parameters: {
      query?: {
        bucket?: 'week';
        /** @description One service (a group ref here means that group). */
        entityRef?: components['parameters']['entityRef'];
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
        /** @description IANA time zone (default the team's configured zone, then devex.timeZone). */
        tz?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One point per ISO week. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DoraSeriesResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  PostEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EventBatch'];
      };
    };
    responses: {
      /** @description Stored (all of the batch, or nothing). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
    };
  };
  PostFeedback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FeedbackSubmission'];
      };
    };
    responses: {
      /** @description The same feedback was received moments ago; nothing new was stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedbackReceipt'];
        };
      };
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedbackReceipt'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
    };
  };
  GetFeedbackSummary: {
    parameters: {
      query?: {
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedbackSummaryResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  GetImpact: {
    parameters: {
      query?: {
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cohorts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetIncidents: {
    parameters: {
      query?: {
        /** @description One service (a group ref here means that group). */
        entityRef?: components['parameters']['entityRef'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Incidents. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IncidentListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetLevelBands: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The selection. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LevelBandSelectionResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  PutLevelBands: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          report: components['schemas']['LevelBandReport'];
        };
      };
    };
    responses: {
      /** @description The new selection. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LevelBandSelectionResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  GetOnboarding: {
    parameters: {
      query?: {
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description A team; pools every service it owns directly or through sub-groups. */
        group?: components['parameters']['group'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Time to onboard. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OnboardingResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  GetProvisioningWeeks: {
    parameters: {
      query?: {
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
        /** @description IANA time zone the weeks are cut in (default devex.timeZone). */
        tz?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Per ISO week and in total. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProvisioningWeeksResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  PostSurvey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SurveySubmission'];
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveySubmissionResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  GetSurveySummary: {
    parameters: {
      query?: {
        /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
        from?: components['parameters']['from'];
        /** @description Window end (exclusive), RFC 3339 with offset (default now). */
        to?: components['parameters']['to'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveySummaryResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  PostGithubWebhook: {
    parameters: {
      query?: never;
      header: {
        'X-GitHub-Delivery': string;
        'X-GitHub-Event': string;
        'X-Hub-Signature-256': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description Accepted, ignored or already seen. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['TooLarge'];
    };
  };
}
