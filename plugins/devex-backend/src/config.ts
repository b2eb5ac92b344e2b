import { Config } from '@backstage/config';
import {
  DEFAULT_LEVEL_BAND_REPORT,
  LevelBandReport,
  LevelBands,
  defaultLevelBands,
  isLevelBandReport,
  levelBandReports,
} from '@paved/plugin-devex-common';
import { DateTime } from 'luxon';
import { SurveyPeriod } from './surveys/surveyPeriods';

/** The `devex:` configuration block, resolved with defaults. */
/** One threshold set in `devex.levelBands.<metric>.<level>`. */
export interface BandOverride {
  metric: keyof LevelBands;
  level: 'elite' | 'high' | 'medium';
  value: number;
}

export interface DevexConfig {
  /** The DORA 2023 bands with the configured overrides (the default band set). */
  bands: LevelBands;
  /** The report whose bands judge levels until the platform team chooses another. */
  bandReport: LevelBandReport;
  /** Thresholds overridden in configuration; they apply to whichever report is chosen. */
  bandOverrides: BandOverride[];
  defaultTimeZone: string;
  /** group ref → IANA zone, for weekly series cut in a team's local weeks. */
  teamTimeZones: Map<string, string>;
  githubWebhookSecret?: string;
  githubMaxPayloadBytes: number;
  deploymentWorkflows: RegExp;
  productionEnvironments: string[];
  pseudonymSecret?: string;
  minimumRespondents: number;
  minimumWindowDays: number;
  surveyPeriod: SurveyPeriod;
  catalogCacheMs: number;
  seedDemoData: boolean;
  /** Below this many samples an impact measure is withheld (no comparison drawn). */
  impactMinimumSamples: number;
  /** Most pieces of portal feedback one person may send per hour. */
  feedbackPerHour: number;
  /** Overrides the readiness URL the availability probe finds through discovery. */
  availabilityProbeUrl?: string;
}

function readBandOverrides(config: Config | undefined): BandOverride[] {
  const overrides: BandOverride[] = [];
  if (!config) return overrides;
  for (const metric of Object.keys(defaultLevelBands) as Array<
    keyof LevelBands
  >) {
    for (const level of ['elite', 'high', 'medium'] as const) {
      const value = config.getOptionalNumber(`${metric}.${level}`);
      if (value !== undefined) overrides.push({ metric, level, value });
    }
  }
  return overrides;
}

/** `bands` with `overrides` applied (a copy). */
export function withBandOverrides(
  bands: LevelBands,
  overrides: BandOverride[],
): LevelBands {
  const copy: LevelBands = JSON.parse(JSON.stringify(bands));
  for (const { metric, level, value } of overrides) copy[metric][level] = value;
  return copy;
}

function readBandReport(value: string | undefined): LevelBandReport {
  if (value === undefined) return DEFAULT_LEVEL_BAND_REPORT;
  if (isLevelBandReport(value)) return value;
  throw new Error(
    `devex.levelBands.report: must be one of ${levelBandReports.join(
      ', ',
    )} (got "${value}")`,
  );
}

function validZone(zone: string, key: string): string {
  if (!DateTime.local().setZone(zone).isValid) {
    throw new Error(`devex.${key}: "${zone}" is not an IANA time zone`);
  }
  return zone;
}

function readSurveyPeriod(value: string | undefined): SurveyPeriod {
  if (value === undefined) return 'month';
  if (value === 'week' || value === 'month' || value === 'quarter') {
    return value;
  }
  throw new Error(
    `devex.surveys.period: must be week, month or quarter (got "${value}")`,
  );
}

export function readDevexConfig(root: Config): DevexConfig {
  const config = root.getOptionalConfig('devex');
  const zones = new Map<string, string>();
  // A list, not a map: config keys cannot hold entity refs (":" and "/").
  for (const entry of config?.getOptionalConfigArray('teamTimeZones') ?? []) {
    const group = entry.getString('group').toLocaleLowerCase('en-US');
    zones.set(
      group,
      validZone(entry.getString('timeZone'), `teamTimeZones[${group}]`),
    );
  }
  return {
    bands: withBandOverrides(
      defaultLevelBands,
      readBandOverrides(config?.getOptionalConfig('levelBands')),
    ),
    bandReport: readBandReport(config?.getOptionalString('levelBands.report')),
    bandOverrides: readBandOverrides(config?.getOptionalConfig('levelBands')),
    defaultTimeZone: validZone(
      config?.getOptionalString('timeZone') ?? 'UTC',
      'timeZone',
    ),
    teamTimeZones: zones,
    githubWebhookSecret: config?.getOptionalString('github.webhookSecret'),
    githubMaxPayloadBytes:
      config?.getOptionalNumber('github.maxPayloadBytes') ?? 10 * 1024 * 1024,
    deploymentWorkflows: new RegExp(
      config?.getOptionalString('github.deploymentWorkflowPattern') ??
        'deploy|release|cd',
      'i',
    ),
    productionEnvironments: (
      config?.getOptionalStringArray('github.productionEnvironments') ?? [
        'production',
        'prod',
      ]
    ).map(e => e.toLocaleLowerCase('en-US')),
    pseudonymSecret: config?.getOptionalString('surveys.pseudonymSecret'),
    minimumRespondents: Math.max(
      1,
      config?.getOptionalNumber('surveys.minimumRespondents') ?? 5,
    ),
    minimumWindowDays: Math.max(
      1,
      config?.getOptionalNumber('surveys.minimumWindowDays') ?? 7,
    ),
    surveyPeriod: readSurveyPeriod(config?.getOptionalString('surveys.period')),
    catalogCacheMs:
      (config?.getOptionalNumber('catalogCacheSeconds') ?? 60) * 1000,
    seedDemoData: config?.getOptionalBoolean('demoData.seed') ?? false,
    impactMinimumSamples: Math.max(
      1,
      config?.getOptionalNumber('impact.minimumSamples') ?? 5,
    ),
    feedbackPerHour: Math.max(
      1,
      config?.getOptionalNumber('feedback.maxPerHour') ?? 10,
    ),
    availabilityProbeUrl: config?.getOptionalString('availability.probeUrl'),
  };
}
