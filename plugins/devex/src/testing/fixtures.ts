import {
  AvailabilityResponse,
  FeedbackSummaryResponse,
  ProvisioningWeeksResponse,
  ChangeFlowResponse,
  defaultLevelBands,
  ImpactCohort,
  ImpactResponse,
  OnboardingResponse,
  levelBandSets,
  DevexMeasuresResponse,
  DoraMetricsResponse,
  DoraSeriesResponse,
  SurveySummaryResponse,
} from '@paved/plugin-devex-common';

const window = { from: '2026-08-26T00:00:00Z', to: '2026-11-24T00:00:00Z' };

/** A window without a single sample: every figure is null and unlevelled. */
export function emptyMetrics(): DoraMetricsResponse {
  return {
    scope: { kind: 'organization' },
    window,
    sources: [],
    demo: false,
    deploymentFrequency: { deployments: 0, perWeek: 0, level: null },
    leadTime: { medianHours: null, p90Hours: null, samples: 0, level: null },
    changeFailureRate: {
      ratio: null,
      failedDeployments: 0,
      deployments: 0,
      level: null,
    },
    recoveryTime: { medianHours: null, samples: 0, open: 0, level: null },
    reworkRate: { ratio: null, reworkDeployments: 0, deployments: 0 },
    timeToRestore: { medianHours: null, samples: 0, open: 0 },
    bands: defaultLevelBands,
    reportYear: 2023,
    levelBands: { ...levelBandSets['dora-2023'], adjusted: false },
  };
}

export function fullMetrics(
  overrides: Partial<DoraMetricsResponse> = {},
): DoraMetricsResponse {
  return {
    ...emptyMetrics(),
    sources: ['github'],
    deploymentFrequency: { deployments: 130, perWeek: 10.1, level: 'elite' },
    leadTime: { medianHours: 30, p90Hours: 80, samples: 412, level: 'high' },
    changeFailureRate: {
      ratio: 0.2,
      failedDeployments: 26,
      deployments: 130,
      level: 'low',
    },
    recoveryTime: { medianHours: 5.5, samples: 24, open: 2, level: 'high' },
    reworkRate: { ratio: 0.1, reworkDeployments: 13, deployments: 130 },
    timeToRestore: { medianHours: 3, samples: 4, open: 0 },
    ...overrides,
  };
}

export function series(demo = false): DoraSeriesResponse {
  return {
    scope: { kind: 'organization' },
    window,
    sources: demo ? ['paved-demo'] : ['github'],
    demo,
    bucket: 'week',
    timeZone: 'Europe/Berlin',
    points: [
      {
        week: '2026-W46',
        start: '2026-11-09T00:00:00+01:00',
        deployments: 12,
        leadTimeMedianHours: 20,
        leadTimeSamples: 30,
        changeFailureRate: 0.1,
        failedDeployments: 1,
        recoveryMedianHours: 2,
        reworkRate: 0.05,
      },
      {
        week: '2026-W47',
        start: '2026-11-16T00:00:00+01:00',
        deployments: 0,
        leadTimeMedianHours: null,
        leadTimeSamples: 0,
        changeFailureRate: null,
        failedDeployments: 0,
        recoveryMedianHours: null,
        reworkRate: null,
      },
    ],
  };
}

export function measures(): DevexMeasuresResponse {
  return {
    timeToFirstDeployment: {
      medianHours: 26,
      samples: 3,
      pending: 1,
      services: [],
    },
    selfService: { ratio: 0.8, automated: 8, total: 10 },
    templateAdoption: {
      components: 5,
      fromTemplate: 3,
      ratio: 0.6,
      templates: [],
    },
  };
}

export function surveySummary(
  overrides: Partial<SurveySummaryResponse> = {},
): SurveySummaryResponse {
  return {
    window,
    respondents: 10,
    suppressed: false,
    nps: 25,
    promoters: 5,
    passives: 5,
    detractors: 2,
    comments: [
      {
        score: 3,
        comment: 'Database requests wait too long',
        week: '2026-W47',
      },
    ],
    teams: [
      {
        group: 'group:default/payments',
        respondents: 6,
        suppressed: false,
        nps: 33.3,
      },
      {
        group: 'group:default/data',
        respondents: 2,
        suppressed: true,
        nps: null,
      },
    ],
    minimumRespondents: 5,
    minimumWindowDays: 7,
    ...overrides,
  };
}

/** A review flow with every stage but deploy sampled. */
export function changeFlow(): ChangeFlowResponse {
  return {
    scope: { kind: 'organization' },
    window,
    merged: 42,
    coding: { medianHours: 5.5, p75Hours: 20, samples: 40 },
    pickup: { medianHours: 3, p75Hours: 7.5, samples: 38 },
    review: { medianHours: 26, p75Hours: 50, samples: 38 },
    deploy: { medianHours: null, p75Hours: null, samples: 0 },
    size: {
      medianLines: 120,
      p75Lines: 400,
      samples: 41,
      classes: [
        { label: 'XS', maxLines: 10, changes: 5 },
        { label: 'S', maxLines: 50, changes: 10 },
        { label: 'M', maxLines: 250, changes: 15 },
        { label: 'L', maxLines: 1000, changes: 8 },
        { label: 'XL', maxLines: null, changes: 3 },
      ],
    },
    open: 7,
  };
}

const sampled = (value: number, samples: number) => ({
  value,
  samples,
  tooFewSamples: false,
});
const tooFew = (samples: number) => ({
  value: null,
  samples,
  tooFewSamples: true,
});

/** A template with two versions (the older with too few samples) beside services from none. */
export function impact(): ImpactResponse {
  const cohort = (
    kind: ImpactCohort['kind'],
    templateVersion: string | null,
    services: number,
    enough: boolean,
  ): ImpactCohort => {
    let firstDeployment = enough ? sampled(26, 6) : tooFew(1);
    if (kind === 'none') firstDeployment = tooFew(0);
    return {
      kind,
      templateRef:
        kind === 'none' ? null : 'template:default/typescript-service',
      templateVersion,
      services,
      deployments: services * 12,
      deploymentFrequency: enough ? sampled(0.9, services) : tooFew(services),
      leadTimeHours: enough
        ? sampled(kind === 'none' ? 40 : 18, 60)
        : tooFew(3),
      changeFailureRate: enough ? sampled(0.08, 60) : tooFew(3),
      recoveryTimeHours: tooFew(2),
      timeToFirstDeploymentHours: firstDeployment,
    };
  };
  return {
    scope: { kind: 'organization' },
    window,
    minimumSamples: 5,
    cohorts: [
      cohort('template', null, 8, true),
      cohort('templateVersion', '1.1.0', 6, true),
      cohort('templateVersion', '1.0.0', 2, false),
      cohort('none', null, 12, true),
    ],
  };
}

/** Two weeks of probes: the second lost an hour (60 minutes without a probe). */
export function availability(): AvailabilityResponse {
  const week = (w: string, start: string, up: number, missing: number) => ({
    week: w,
    start,
    measuredMinutes: up + missing,
    upMinutes: up,
    probedDownMinutes: 0,
    missingMinutes: missing,
    uptime: up / (up + missing),
  });
  const weeks = [
    week('2026-W47', '2026-11-16T00:00:00.000Z', 10080, 0),
    week('2026-W48', '2026-11-23T00:00:00.000Z', 10020, 60),
  ];
  return {
    window,
    timeZone: 'UTC',
    firstProbeAt: '2026-11-16T00:00:00.000Z',
    measuredMinutes: 20160,
    upMinutes: 20100,
    probedDownMinutes: 0,
    missingMinutes: 60,
    uptime: 20100 / 20160,
    weeks,
  };
}

export function provisioningWeeks(): ProvisioningWeeksResponse {
  const period = {
    succeeded: 3,
    failed: 1,
    successRate: 0.75,
    automated: 2,
    manual: 1,
    automatedRatio: 2 / 3,
    actions: { platform: 5, requester: 6, person: 1 },
  };
  return {
    window,
    timeZone: 'UTC',
    ...period,
    weeks: [{ week: '2026-W48', start: '2026-11-23T00:00:00.000Z', ...period }],
  };
}

export function feedbackSummary(): FeedbackSummaryResponse {
  return {
    window,
    responses: 3,
    averageRating: 3.33,
    lowRatings: 1,
    byPage: [
      { page: '/catalog', responses: 2, averageRating: 2.5, lowRatings: 1 },
      { page: '/create', responses: 1, averageRating: 5, lowRatings: 0 },
    ],
    byCategory: [
      { category: 'bug', responses: 2, averageRating: 2.5, lowRatings: 1 },
      { category: 'praise', responses: 1, averageRating: 5, lowRatings: 0 },
    ],
    latest: null,
  };
}

/** Time to onboard: two of five newcomers have deployed; three people have no known start. */
export function onboarding(): OnboardingResponse {
  return {
    group: null,
    window,
    people: 5,
    unknownStart: 3,
    firstMerge: { medianHours: 30, p75Hours: 52, samples: 4, notYet: 1 },
    firstDeploy: { medianHours: 96, p75Hours: 120, samples: 2, notYet: 3 },
  };
}
