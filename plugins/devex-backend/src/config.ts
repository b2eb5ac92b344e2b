import { Config } from '@backstage/config';
import { LevelBands, defaultLevelBands } from '@paved/plugin-devex-common';
import { DateTime } from 'luxon';
import { SurveyPeriod } from './surveys/surveyPeriods';

/** The `devex:` configuration block, resolved with defaults. */
export interface DevexConfig {
  bands: LevelBands;
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
}

function readBands(config: Config | undefined): LevelBands {
  const bands: LevelBands = JSON.parse(JSON.stringify(defaultLevelBands));
  if (!config) return bands;
  for (const metric of Object.keys(bands) as Array<keyof LevelBands>) {
    for (const level of ['elite', 'high', 'medium'] as const) {
      const value = config.getOptionalNumber(`${metric}.${level}`);
      if (value !== undefined) bands[metric][level] = value;
    }
  }
  return bands;
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
    bands: readBands(config?.getOptionalConfig('levelBands')),
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
  };
}
