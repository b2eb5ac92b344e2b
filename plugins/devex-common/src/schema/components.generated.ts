// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************
/* eslint-disable */

export interface components {
  schemas: {
    AvailabilityMinutes: {
      /** @description Minutes from the first probe on that are over. */
      measuredMinutes: number;
      /** @description Minutes without a probe; counted as down. */
      missingMinutes: number;
      /** @description Minutes whose probe got no 200 answer in time. */
      probedDownMinutes: number;
      upMinutes: number;
      /** @description upMinutes over measuredMinutes; null when nothing was measured. */
      uptime: components['schemas']['NullableNumber'];
    };
    AvailabilityResponse: components['schemas']['AvailabilityMinutes'] & {
      firstProbeAt: string | null;
      timeZone: string;
      weeks: (components['schemas']['AvailabilityMinutes'] & {
        start: string;
        /** @description ISO week, e.g. 2026-W49. */
        week: string;
      })[];
      window: components['schemas']['Window'];
    };
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
    /** @description A change on its way to production. Times it has not reached yet are left out. */
    ChangeData: {
      additions?: number;
      approvedAt?: components['schemas']['Timestamp'];
      /** @description Who wrote the change: a full user entity ref (user:default/sam.rivera) or a login, matched to a User by its github.com/user-login annotation or its name. */
      author?: string;
      /** @description Closed without being merged (abandoned), so no longer open. */
      closedAt?: components['schemas']['Timestamp'];
      deletions?: number;
      firstCommitAt?: components['schemas']['Timestamp'];
      firstReviewAt?: components['schemas']['Timestamp'];
      mergeCommit?: string;
      mergedAt?: components['schemas']['Timestamp'];
      openedAt: components['schemas']['Timestamp'];
    };
    ChangeEvent: {
      data: components['schemas']['ChangeData'];
      id: components['schemas']['Identifier'];
      source: components['schemas']['Identifier'];
      subject: components['schemas']['EntityRef'];
      /** @constant */
      type: 'change';
    };
    ChangeFlowResponse: {
      coding: components['schemas']['StageSummary'];
      deploy: components['schemas']['StageSummary'];
      /** @description Changes merged in the window. */
      merged: number;
      /** @description Changes opened in the window that are neither merged nor closed. */
      open: number;
      pickup: components['schemas']['StageSummary'];
      review: components['schemas']['StageSummary'];
      scope: components['schemas']['Scope'];
      /** @description Lines changed (additions plus deletions) of the merged changes that report them. */
      size: {
        classes: {
          changes: number;
          label: string;
          /** @description Largest size of the class (null for the last, unbounded one). */
          maxLines: number | null;
        }[];
        medianLines: components['schemas']['NullableNumber'];
        p75Lines: components['schemas']['NullableNumber'];
        samples: number;
      };
      window: components['schemas']['Window'];
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
      /** @description Who started the deployment: a full user entity ref (user:default/sam.rivera) or a login, matched to a User by its github.com/user-login annotation or its name. */
      triggeredBy?: string;
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
      /** @description The thresholds levels were judged by; null when the chosen report has no tiers. */
      bands: components['schemas']['Bands'] | null;
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
      levelBands: components['schemas']['LevelBandSet'];
      recoveryTime: {
        level: components['schemas']['DoraLevel'];
        medianHours: components['schemas']['NullableNumber'];
        open: number;
        samples: number;
      };
      /** @description Year of the report behind the levels (levelBands names it in full). */
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
    /** @description One event; (`source`, `id`) is its identity. `type` says which: a deployment, an incident or a change (a pull or merge request). */
    Event:
      | components['schemas']['DeploymentEvent']
      | components['schemas']['IncidentEvent']
      | components['schemas']['ChangeEvent'];
    EventBatch: {
      events: components['schemas']['Event'][];
    };
    /** @enum {string} */
    FeedbackCategory:
      | 'bug'
      | 'confusing'
      | 'missing-feature'
      | 'slow'
      | 'praise'
      | 'other';
    FeedbackRatings: {
      averageRating: components['schemas']['NullableNumber'];
      /** @description Ratings of 2 or less. */
      lowRatings: number;
      responses: number;
    };
    FeedbackReceipt: {
      /** @description The same feedback was received moments ago and is not stored twice. */
      duplicate: boolean;
      id: number;
    };
    FeedbackSubmission: {
      category: components['schemas']['FeedbackCategory'];
      comment?: string;
      /** @description What the person last did on the page, e.g. "clicked Register". */
      lastAction?: string;
      /** @description The portal path the feedback is about, e.g. /catalog. */
      page: string;
      rating: number;
    };
    FeedbackSummaryResponse: components['schemas']['FeedbackRatings'] & {
      byCategory: (components['schemas']['FeedbackRatings'] & {
        category: components['schemas']['FeedbackCategory'];
      })[];
      byPage: (components['schemas']['FeedbackRatings'] & {
        page: string;
      })[];
      /** @description The latest feedback with comments; null unless the reader is on the platform team. */
      latest:
        | {
            category: components['schemas']['FeedbackCategory'];
            comment: string | null;
            lastAction: string | null;
            page: string;
            rating: number;
            submittedAt: string;
            userRef: string;
          }[]
        | null;
      window: components['schemas']['Window'];
    };
    Identifier: string;
    ImpactCohort: {
      /** @description Failed over all deployments (samples are deployments). */
      changeFailureRate: components['schemas']['ImpactMeasure'];
      /** @description Production deployments per service per week (samples are services). */
      deploymentFrequency: components['schemas']['ImpactMeasure'];
      deployments: number;
      /** @enum {string} */
      kind: 'template' | 'templateVersion' | 'none';
      /** @description Median lead time for changes (samples are commits). */
      leadTimeHours: components['schemas']['ImpactMeasure'];
      /** @description Median failed deployment recovery time (samples are recovered failures). */
      recoveryTimeHours: components['schemas']['ImpactMeasure'];
      services: number;
      templateRef: string | null;
      /** @description The version, or "unknown" for services whose lineage names none. */
      templateVersion: string | null;
      /** @description Median from creation by the golden path to the first production deployment, of the services created in the window (samples are those already deployed). */
      timeToFirstDeploymentHours: components['schemas']['ImpactMeasure'];
    };
    /** @description A value with its sample count; null (and tooFewSamples) below the minimum. */
    ImpactMeasure: {
      samples: number;
      tooFewSamples: boolean;
      value: components['schemas']['NullableNumber'];
    };
    ImpactResponse: {
      cohorts: components['schemas']['ImpactCohort'][];
      minimumSamples: number;
      scope: components['schemas']['Scope'];
      window: components['schemas']['Window'];
    };
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
    /**
     * @description dora-2023, dora-2024, or none (DORA 2025 dropped tiers; values and trends only).
     * @enum {string}
     */
    LevelBandReport: 'dora-2023' | 'dora-2024' | 'none';
    LevelBandSelectionResponse: {
      available: components['schemas']['LevelBandSet'][];
      chosenAt: string | null;
      /** @description Who chose it in the portal; null while the configured default applies. */
      chosenBy: string | null;
      selected: components['schemas']['LevelBandSet'];
    };
    LevelBandSet: {
      /** @description Thresholds were overridden in configuration (devex.levelBands.<metric>). */
      adjusted: boolean;
      /** @description Thresholds; null when the report has no tiers. */
      bands: components['schemas']['Bands'] | null;
      note: string;
      report: components['schemas']['LevelBandReport'];
      reportYear: number;
      source: string;
      /** @description Short name for the badge, e.g. DORA 2024. */
      title: string;
    };
    NullableNumber: number | null;
    OnboardingMilestoneSummary: {
      medianHours: components['schemas']['NullableNumber'];
      /** @description People who started in the window and have not reached it yet (not in the median). */
      notYet: number;
      p75Hours: components['schemas']['NullableNumber'];
      samples: number;
    };
    OnboardingResponse: {
      firstDeploy: components['schemas']['OnboardingMilestoneSummary'];
      firstMerge: components['schemas']['OnboardingMilestoneSummary'];
      /** @description The group whose members (sub-groups included) are counted; null for everyone. */
      group: string | null;
      people: number;
      /** @description People in scope without a known start (in the catalog before DevEx began tracking and without paved.dev/start-date): in no cohort. */
      unknownStart: number;
      window: components['schemas']['Window'];
    };
    ProvisioningPeriod: {
      /** @description State changes by who took them. */
      actions: {
        /** @description Another person (manual). */
        person: number;
        /** @description The platform acting by itself (automated). */
        platform: number;
        /** @description The requester (self-service). */
        requester: number;
      };
      /** @description Succeeded with no person other than the requester acting. */
      automated: number;
      automatedRatio: components['schemas']['NullableNumber'];
      /** @description Requests whose provisioning failed before ever being ready. */
      failed: number;
      /** @description Succeeded after a person other than the requester acted (approval, manual step). */
      manual: number;
      /** @description Requests that first reached ready. */
      succeeded: number;
      /** @description succeeded over succeeded + failed; null when none ended. */
      successRate: components['schemas']['NullableNumber'];
    };
    ProvisioningWeeksResponse: components['schemas']['ProvisioningPeriod'] & {
      timeZone: string;
      weeks: (components['schemas']['ProvisioningPeriod'] & {
        start: string;
        week: string;
      })[];
      window: components['schemas']['Window'];
    };
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
    StageSummary: {
      medianHours: components['schemas']['NullableNumber'];
      p75Hours: components['schemas']['NullableNumber'];
      samples: number;
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
    /** @description Too many requests from this caller; try again after Retry-After seconds. */
    TooManyRequests: {
      headers: {
        'Retry-After'?: number;
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
