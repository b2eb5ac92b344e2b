import { BandedMetric, DoraLevel, LevelBands, levelFor } from './metrics';

/**
 * The DORA report an organisation judges its levels by. `none` follows DORA 2025, which dropped
 * the performance tiers: values and trends are shown, no level.
 * @public
 */
export const levelBandReports = ['dora-2023', 'dora-2024', 'none'] as const;

/** @public */
export type LevelBandReport = (typeof levelBandReports)[number];

/** A set of level bands and the report it comes from, for the badge that names it. @public */
export interface LevelBandSet {
  report: LevelBandReport;
  /** Short name for badges, e.g. "DORA 2024". */
  title: string;
  /** The publication, in full. */
  source: string;
  reportYear: number;
  /** Thresholds; `null` when the report has no tiers. */
  bands: LevelBands | null;
  /** What a reader must know about this set. */
  note: string;
}

/**
 * DORA 2023 (Accelerate State of DevOps Report 2023), the four performance levels: deployment
 * frequency on demand, between daily and weekly, between weekly and monthly; change lead time
 * under a day, a week, a month; change failure rate 5 %, 10 %, 15 % (low 64 %); failed
 * deployment recovery time under an hour, a day, a week.
 */
const dora2023: LevelBands = {
  deploymentFrequency: { elite: 7, high: 1, medium: 12 / 52 },
  leadTime: { elite: 24, high: 24 * 7, medium: 24 * 30 },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  recoveryTime: { elite: 1, high: 24, medium: 24 * 7 },
};

/**
 * DORA 2024. Source: Accelerate State of DevOps Report 2024 (DORA, Google Cloud,
 * https://dora.dev/research/2024/dora-report/), the table of software delivery performance levels
 * (cluster analysis of the survey). Checked 2026-12-07: the shares, the frequency and lead-time
 * rows and the elite and high failure rates against an extract of that table (Hugging Face space
 * rdlf/devops-metrics-interpreter, data/benchmarks.json); the medium and low failure rates and the
 * recovery row could not be re-read there and should be confirmed against the report's PDF:
 *
 *   level (share)  deployment frequency          lead time        change fail rate  recovery
 *   elite (19 %)   on demand, several a day      < 1 day          5 %               < 1 hour
 *   high  (22 %)   daily to weekly               1 day – 1 week   20 %              < 1 day
 *   medium (35 %)  weekly to monthly             1 week – 1 month 10 %              < 1 day
 *   low   (25 %)   monthly to every six months   1 – 6 months     40 %              1 week – 1 month
 *
 * Frequency and lead time are as in 2023. Medium failed less often than high, so a failure rate
 * alone cannot separate the two: a team at or below 20 % meets the high cluster (and medium's
 * 10 % is better than high's), so the best level it reaches is high; medium is reached through
 * the other metrics only. Likewise recovery under a day is high, and a day or more is low. As for
 * 2023, a cluster's value is the upper bound of its level (a 25 % failure rate is low).
 */
const dora2024: LevelBands = {
  deploymentFrequency: { elite: 7, high: 1, medium: 12 / 52 },
  leadTime: { elite: 24, high: 24 * 7, medium: 24 * 30 },
  changeFailureRate: { elite: 0.05, high: 0.2, medium: 0.2 },
  recoveryTime: { elite: 1, high: 24, medium: 24 },
};

/** The selectable band sets. @public */
export const levelBandSets: Record<LevelBandReport, LevelBandSet> = {
  'dora-2023': {
    report: 'dora-2023',
    title: 'DORA 2023',
    source: 'Accelerate State of DevOps Report 2023 (DORA, Google Cloud)',
    reportYear: 2023,
    bands: dora2023,
    note: 'Four levels; change failure rate bands 5 %, 10 %, 15 %.',
  },
  'dora-2024': {
    report: 'dora-2024',
    title: 'DORA 2024',
    source: 'Accelerate State of DevOps Report 2024 (DORA, Google Cloud)',
    reportYear: 2024,
    bands: dora2024,
    note: 'The medium cluster failed less often (10 %) than the high one (20 %): change failure rate at or below 20 % reads high, and recovery under a day reads high.',
  },
  none: {
    report: 'none',
    title: 'DORA 2025 (no tiers)',
    source:
      'State of AI-assisted Software Development 2025 (DORA, Google Cloud)',
    reportYear: 2025,
    bands: null,
    note: 'DORA 2025 dropped the performance tiers: values and trends only, no level.',
  },
};

/** The set used when an organisation chose none. @public */
export const DEFAULT_LEVEL_BAND_REPORT: LevelBandReport = 'dora-2023';

/**
 * The level of a value under a band set; `null` when there is no value or the set has no tiers.
 * @public
 */
export function levelUnder(
  set: Pick<LevelBandSet, 'bands'>,
  metric: BandedMetric,
  value: number | null,
): DoraLevel | null {
  return set.bands ? levelFor(metric, value, set.bands) : null;
}

/** @public */
export function isLevelBandReport(value: unknown): value is LevelBandReport {
  return (levelBandReports as readonly unknown[]).includes(value);
}
