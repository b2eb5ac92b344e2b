import path from 'node:path';
import type { Config } from '@backstage/config';
import { findRepoRoot } from '@paved/backend-platform';

export interface TemplateFixerConfig {
  id: string;
  title: string;
  description: string;
  templateRef: string;
}

export interface ScorecardsConfig {
  definitions: string[];
  inlineChecks: unknown[];
  inlineScorecards: unknown[];
  policiesDirectory: string;
  entityKinds: string[];
  templateFixers: TemplateFixerConfig[];
  catalogSyncMinutes: number;
  refreshMinutes: number;
  campaignReminderDays: number;
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(
      `scorecards.${key
        .split('.')
        .pop()}: must be a positive number (got ${value})`,
    );
  }
  return value;
}

export function readScorecardsConfig(
  config: Config,
  cwd: string = process.cwd(),
): ScorecardsConfig {
  const root = findRepoRoot(cwd);
  const policies = config.getOptionalString('scorecards.policiesDirectory');
  return {
    definitions: config.getOptionalStringArray('scorecards.definitions') ?? [],
    inlineChecks: (config.getOptional<unknown[]>('scorecards.checks') ??
      []) as unknown[],
    inlineScorecards: (config.getOptional<unknown[]>('scorecards.scorecards') ??
      []) as unknown[],
    policiesDirectory: policies
      ? path.resolve(cwd, policies)
      : path.join(root, 'policies'),
    entityKinds: (
      config.getOptionalStringArray('scorecards.entityKinds') ?? ['Component']
    ).map(k => k.toLocaleLowerCase('en-US')),
    templateFixers: (
      config.getOptionalConfigArray('scorecards.templateFixers') ?? []
    ).map(c => ({
      id: c.getString('id'),
      title: c.getString('title'),
      description: c.getString('description'),
      templateRef: c.getString('templateRef'),
    })),
    catalogSyncMinutes: positive(config, 'scorecards.catalogSyncMinutes', 1),
    refreshMinutes: positive(config, 'scorecards.refreshMinutes', 60),
    campaignReminderDays: positive(
      config,
      'scorecards.campaignReminderDays',
      7,
    ),
  };
}
