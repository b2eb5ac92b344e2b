// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************
/* eslint-disable */
export interface paths {
  '/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest deployments of a scope (all environments), newest first. */
    get: operations['GetDeployments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/devex/measures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Time to first production deployment, self-service ratio and template adoption. */
    get: operations['GetDevexMeasures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dora': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The DORA metrics of a service, a team or the organisation in a window. */
    get: operations['GetDora'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dora/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Weekly DORA points for charts, cut in a time zone. */
    get: operations['GetDoraSeries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Store deployment and incident events (CI and CD pipelines).
     * @description For service credentials (a CI token issued through `backend.auth.externalAccess`). A signed-in user may send events only for services owned by one of their teams. Each (`source`, `id`) is an event's identity: a re-send replaces it, but only the principal that first wrote it may replace it (409 otherwise). The source `github` belongs to the webhook. Survey answers are not events: they come only through `POST /surveys`.
     */
    post: operations['PostEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest incidents of a scope, newest first. */
    get: operations['GetIncidents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The signed-in user's pulse survey answer.
     * @description Signed-in users only. One answer per person per survey period (devex.surveys.period): a second answer in the same period replaces the first. Stored under a pseudonym.
     */
    post: operations['PostSurvey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pulse survey results of a window, with anonymity rules applied.
     * @description The window is widened to whole UTC days and must span at least devex.surveys.minimumWindowDays. Scores of a breakdown (the whole organisation, each team) are shown only with at least devex.surveys.minimumRespondents respondents. Comments are returned only to members of the platform team, with the ISO week they were written in instead of a time.
     */
    get: operations['GetSurveySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/github': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * GitHub deliveries (push, deployment_status, workflow_run, issues).
     * @description Authenticated by the `X-Hub-Signature-256` HMAC of the raw body, checked while the body streams in (at most devex.github.maxPayloadBytes). A delivery seen before (`X-GitHub-Delivery`) is acknowledged and not applied again; an event older than the stored state of the same deployment or issue (by GitHub's own timestamps) does not replace it.
     */
    post: operations['PostGithubWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Band: {
      elite: number;
      high: number;
      medium: number;
    };
    /** @description Level thresholds. Deployment frequency: per week, reached at or above. Lead and recovery time: hours, reached below. Change failure rate: ratio, reached at or below. */
    Bands: {
      changeFailureRate: components['schemas']['Band'];
      deploymentFrequency: components['schemas']['Band'];
      leadTime: components['schemas']['Band'];
      recoveryTime: components['schemas']['Band'];
    };
    Commit: {
      committedAt: components['schemas']['Timestamp'];
      sha: string;
    };
    DeploymentData: {
      commits: components['schemas']['Commit'][];
      environment: string;
      finishedAt: components['schemas']['Timestamp'];
      /** @enum {string} */
      kind?: 'normal' | 'rollback' | 'hotfix';
      remediates?: components['schemas']['Identifier'];
      startedAt?: components['schemas']['Timestamp'];
      /** @enum {string} */
      status: 'success' | 'failed';
    };
    DeploymentEvent: {
      data: components['schemas']['DeploymentData'];
      id: components['schemas']['Identifier'];
      source: components['schemas']['Identifier'];
      subject: components['schemas']['EntityRef'];
      /** @constant */
      type: 'deployment';
    };
    DeploymentListResponse: {
      items: components['schemas']['DeploymentSummary'][];
    };
    DeploymentSummary: {
      commits: number;
      demo: boolean;
      environment: string;
      /** @description A production success that caused a failure (incident or remediation). */
      failed: boolean;
      finishedAt: string;
      id: string;
      /** @enum {string} */
      kind: 'normal' | 'rollback' | 'hotfix';
      recoveredAt: string | null;
      remediates: string | null;
      rework: boolean;
      service: string;
      source: string;
      startedAt: string | null;
      /** @enum {string} */
      status: 'success' | 'failed';
    };
    DevexMeasuresResponse: {
      /** @description Provisioning requests that reached ready with no person having to act, over all requests. */
      selfService: {
        automated: number;
        ratio: components['schemas']['NullableNumber'];
        total: number;
      };
      templateAdoption: {
        components: number;
        fromTemplate: number;
        ratio: components['schemas']['NullableNumber'];
        templates: {
          components: number;
          templateRef: string;
        }[];
      };
      timeToFirstDeployment: {
        medianHours: components['schemas']['NullableNumber'];
        /** @description Services created from a template that have not deployed to production yet. */
        pending: number;
        samples: number;
        services: {
          createdAt: string;
          entityRef: string;
          firstDeploymentAt: string | null;
          hours: components['schemas']['NullableNumber'];
          templateRef: string | null;
          templateVersion: string | null;
        }[];
      };
    };
    /** @enum {string|null} */
    DoraLevel: 'elite' | 'high' | 'medium' | 'low' | null;
    DoraMetricsResponse: {
      bands: components['schemas']['Bands'];
      changeFailureRate: {
        deployments: number;
        failedDeployments: number;
        level: components['schemas']['DoraLevel'];
        ratio: components['schemas']['NullableNumber'];
      };
      demo: boolean;
      deploymentFrequency: {
        deployments: number;
        level: components['schemas']['DoraLevel'];
        perWeek: number;
      };
      leadTime: {
        level: components['schemas']['DoraLevel'];
        medianHours: components['schemas']['NullableNumber'];
        p90Hours: components['schemas']['NullableNumber'];
        samples: number;
      };
      recoveryTime: {
        level: components['schemas']['DoraLevel'];
        medianHours: components['schemas']['NullableNumber'];
        open: number;
        samples: number;
      };
      reportYear: number;
      reworkRate: {
        deployments: number;
        ratio: components['schemas']['NullableNumber'];
        reworkDeployments: number;
      };
      scope: components['schemas']['Scope'];
      sources: string[];
      timeToRestore: {
        medianHours: components['schemas']['NullableNumber'];
        open: number;
        samples: number;
      };
      window: components['schemas']['Window'];
    };
    DoraSeriesPoint: {
      changeFailureRate: components['schemas']['NullableNumber'];
      deployments: number;
      failedDeployments: number;
      leadTimeMedianHours: components['schemas']['NullableNumber'];
      leadTimeSamples: number;
      recoveryMedianHours: components['schemas']['NullableNumber'];
      reworkRate: components['schemas']['NullableNumber'];
      start: string;
      week: string;
    };
    DoraSeriesResponse: {
      /** @enum {string} */
      bucket: 'week';
      demo: boolean;
      points: components['schemas']['DoraSeriesPoint'][];
      scope: components['schemas']['Scope'];
      sources: string[];
      timeZone: string;
      window: components['schemas']['Window'];
    };
    /** @description A full entity ref such as component:default/payments-api. */
    EntityRef: string;
    /** @description Backstage's error body. */
    Error: {
      error: {
        message: string;
        name: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /** @description One event; (`source`, `id`) is its identity. `type` says which: a deployment or an incident. */
    Event:
      | components['schemas']['DeploymentEvent']
      | components['schemas']['IncidentEvent'];
    EventBatch: {
      events: components['schemas']['Event'][];
    };
    Identifier: string;
    IncidentData: {
      deploymentId?: components['schemas']['Identifier'];
      resolvedAt?: components['schemas']['Timestamp'];
      severity?: string;
      startedAt: components['schemas']['Timestamp'];
    };
    IncidentEvent: {
      data: components['schemas']['IncidentData'];
      id: components['schemas']['Identifier'];
      source: components['schemas']['Identifier'];
      subject: components['schemas']['EntityRef'];
      /** @constant */
      type: 'incident';
    };
    IncidentListResponse: {
      items: components['schemas']['IncidentSummary'][];
    };
    IncidentSummary: {
      demo: boolean;
      deploymentId: string | null;
      id: string;
      resolvedAt: string | null;
      service: string;
      severity: string | null;
      source: string;
      startedAt: string;
    };
    IngestResponse: {
      /** @description Events stored (new, or replacing an earlier send of the same identity). */
      accepted: number;
    };
    NullableNumber: number | null;
    Scope:
      | {
          /** @constant */
          kind: 'organization';
        }
      | {
          group: string;
          /** @constant */
          kind: 'group';
          services: string[];
        }
      | {
          entityRef: string;
          /** @constant */
          kind: 'entity';
        };
    SurveySubmission: {
      comment?: string;
      /** @description How likely the user is to recommend the platform to a colleague. */
      score: number;
    };
    SurveySubmissionResponse: {
      /** @description The survey period the answer counts for, e.g. 2026-12 or 2026-W49. */
      period: string;
      /** @description The user had answered in this period before; this answer replaces it. */
      replaced: boolean;
    };
    SurveySummaryResponse: {
      /** @description Only for members of the platform team (null for everyone else). */
      comments:
        | {
            comment: string;
            score: number;
            /** @description ISO week the comment was written in, e.g. 2026-W49. */
            week: string;
          }[]
        | null;
      detractors: number | null;
      minimumRespondents: number;
      minimumWindowDays: number;
      nps: components['schemas']['NullableNumber'];
      passives: number | null;
      promoters: number | null;
      /** @description People who answered in the window (their latest answer counts). */
      respondents: number;
      /** @description Fewer respondents than the minimum; the scores below are withheld. */
      suppressed: boolean;
      teams: {
        group: string;
        nps: components['schemas']['NullableNumber'];
        respondents: number;
        suppressed: boolean;
      }[];
      window: components['schemas']['Window'];
    };
    /**
     * Format: date-time
     * @description RFC 3339 with an offset ("Z" or "+02:00").
     */
    Timestamp: string;
    WebhookResponse: {
      accepted: number;
      /** @description The delivery (X-GitHub-Delivery) was seen before. */
      duplicate?: boolean;
      /** @description Why the delivery changed nothing, when it did not. */
      ignored?: string;
    };
    Window: {
      from: string;
      to: string;
    };
  };
  responses: {
    /** @description Bad input; the message names every violation. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request conflicts with what is stored. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller may not do this. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The group is not in the catalog. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The body is larger than allowed. */
    TooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Missing or invalid credentials (or webhook signature). */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description One service (a group ref here means that group). */
    entityRef: string;
    /** @description Window start, RFC 3339 with offset (default 90 days before `to`). */
    from: string;
    /** @description A team; pools every service it owns directly or through sub-groups. */
    group: string;
    limit: number;
    /** @description Window end (exclusive), RFC 3339 with offset (default now). */
    to: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
