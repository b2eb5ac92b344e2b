/** DORA performance levels. @public */
export type DoraLevel = 'elite' | 'high' | 'medium' | 'low';

/** The metrics that have level bands. @public */
export type BandedMetric =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime';

/** All metrics the DevEx plugin reports. @public */
export type DoraMetricName = BandedMetric | 'reworkRate' | 'timeToRestore';

/** What a metric means, for tooltips and READMEs. @public */
export interface MetricDefinition {
  name: DoraMetricName;
  title: string;
  description: string;
  unit: 'perWeek' | 'hours' | 'ratio';
  /** The DORA State of DevOps report the definition (and the default bands) follow. */
  reportYear: number;
}

/** @public */
export const metricDefinitions: Record<DoraMetricName, MetricDefinition> = {
  deploymentFrequency: {
    name: 'deploymentFrequency',
    title: 'Deployment frequency',
    description:
      'Successful production deployments with finishedAt in the window, per week.',
    unit: 'perWeek',
    reportYear: 2023,
  },
  leadTime: {
    name: 'leadTime',
    title: 'Lead time for changes',
    description:
      "From a commit's committedAt to the finishedAt of the first successful production deployment of its service that contains it; each commit counts once, non-positive values are dropped. Median and p90.",
    unit: 'hours',
    reportYear: 2023,
  },
  changeFailureRate: {
    name: 'changeFailureRate',
    title: 'Change failure rate',
    description:
      'Deployments in the window that caused a failure (named by an incident or remediated by a later deployment) over all deployments in the window. Each deployment counts once.',
    unit: 'ratio',
    reportYear: 2023,
  },
  recoveryTime: {
    name: 'recoveryTime',
    title: 'Failed deployment recovery time',
    description:
      "From a failed deployment's finishedAt to the earlier of its first remediating deployment and the resolution of all its incidents. Median; unrecovered ones are counted as open.",
    unit: 'hours',
    reportYear: 2023,
  },
  reworkRate: {
    name: 'reworkRate',
    title: 'Rework rate',
    description:
      'Deployments in the window that are rollbacks, hotfixes or remediate another deployment, over all deployments in the window.',
    unit: 'ratio',
    reportYear: 2024,
  },
  timeToRestore: {
    name: 'timeToRestore',
    title: 'Time to restore (incidents without a deployment)',
    description:
      'From startedAt to resolvedAt of incidents that name no deployment; kept out of the deployment metrics.',
    unit: 'hours',
    reportYear: 2023,
  },
};

/**
 * Level thresholds. For deployment frequency a level is reached at or above its value (per week);
 * for lead time and recovery time below its value (hours); for change failure rate at or below it.
 * @public
 */
export interface LevelBands {
  deploymentFrequency: { elite: number; high: number; medium: number };
  leadTime: { elite: number; high: number; medium: number };
  changeFailureRate: { elite: number; high: number; medium: number };
  recoveryTime: { elite: number; high: number; medium: number };
}

/**
 * Defaults from the DORA 2023 Accelerate State of DevOps report: on demand (≥ 7/week), weekly,
 * monthly; lead time under a day, a week, a month; change failure ≤ 5 %, 10 %, 15 %; recovery under
 * an hour, a day, a week.
 * @public
 */
export const defaultLevelBands: LevelBands = {
  deploymentFrequency: { elite: 7, high: 1, medium: 12 / 52 },
  leadTime: { elite: 24, high: 24 * 7, medium: 24 * 30 },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  recoveryTime: { elite: 1, high: 24, medium: 24 * 7 },
};

/** The report year the default bands come from, for the UI to name. @public */
export const levelBandsReportYear = 2023;

/**
 * The level of a metric value under `bands`; `null` when the value is `null` (no samples).
 * @public
 */
export function levelFor(
  metric: BandedMetric,
  value: number | null,
  bands: LevelBands = defaultLevelBands,
): DoraLevel | null {
  if (value === null || Number.isNaN(value)) return null;
  const band = bands[metric];
  switch (metric) {
    case 'deploymentFrequency':
      if (value >= band.elite) return 'elite';
      if (value >= band.high) return 'high';
      if (value >= band.medium) return 'medium';
      return 'low';
    case 'changeFailureRate':
      if (value <= band.elite) return 'elite';
      if (value <= band.high) return 'high';
      if (value <= band.medium) return 'medium';
      return 'low';
    case 'leadTime':
    case 'recoveryTime':
      if (value < band.elite) return 'elite';
      if (value < band.high) return 'high';
      if (value < band.medium) return 'medium';
      return 'low';
    default:
      return null;
  }
}
