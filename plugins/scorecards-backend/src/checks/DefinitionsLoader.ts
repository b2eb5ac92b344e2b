import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { formatViolation, violationsFromZod } from '@paved/backend-platform';
import {
  CheckDefinition,
  checkDefinitionSchema,
  ScorecardDefinition,
  scorecardDefinitionSchema,
  SCORECARD_LEVELS,
  SCORECARD_DEFINITIONS_API_VERSION,
} from '@paved/plugin-scorecards-common';
import { parse } from 'yaml';
import { z } from 'zod/v3';

/** The checks and scorecards in force, and a hash that changes when any of them does. */
export interface Definitions {
  checks: CheckDefinition[];
  scorecards: ScorecardDefinition[];
  hash: string;
}

const definitionsFileSchema = z
  .object({
    apiVersion: z.literal(SCORECARD_DEFINITIONS_API_VERSION),
    kind: z.literal('ScorecardDefinitions'),
    checks: z.array(z.unknown()).default([]),
    scorecards: z.array(z.unknown()).default([]),
  })
  .strict();

/** Everything wrong with a set of definitions, each naming where. */
export class DefinitionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid scorecard definitions: ${problems.join('; ')}`);
  }
}

/**
 * Reads checks and scorecards from config (`scorecards.checks`) and from definitions files, local
 * or in a repository (through the URL readers). Every problem is collected and reported with its
 * file and field, so one run shows everything to fix.
 */
export class DefinitionsLoader {
  private last?: Definitions;
  private loadedAt = 0;

  constructor(
    private readonly options: {
      files: string[];
      inlineChecks: unknown[];
      inlineScorecards?: unknown[];
      urlReader: UrlReaderService;
      logger: LoggerService;
      cwd?: string;
      /** How long loaded definitions are reused before the files are read again (default 30 s). */
      maxAgeMs?: number;
    },
  ) {}

  /**
   * The definitions as they are now. When a file cannot be read or turns invalid later on, the
   * last good definitions stay in force (logged), so a typo in a repository does not wipe every
   * level; at start-up the error is thrown.
   */
  async load(): Promise<Definitions> {
    // Requests reuse recent definitions; a merged change is picked up within maxAgeMs.
    if (
      this.last &&
      Date.now() - this.loadedAt < (this.options.maxAgeMs ?? 30_000)
    ) {
      return this.last;
    }
    try {
      this.last = await this.read();
      this.loadedAt = Date.now();
    } catch (error) {
      if (!this.last) throw error;
      this.options.logger.error(
        `Scorecard definitions not reloaded, keeping the previous ones: ${error}`,
      );
    }
    return this.last;
  }

  private async readText(location: string): Promise<string> {
    if (/^https?:\/\//.test(location)) {
      const response = await this.options.urlReader.readUrl(location);
      return (await response.buffer()).toString('utf8');
    }
    return fs.readFile(
      path.resolve(this.options.cwd ?? process.cwd(), location),
      'utf8',
    );
  }

  private async read(): Promise<Definitions> {
    const problems: string[] = [];
    const rawChecks: Array<{ where: string; value: unknown }> = [];
    const rawScorecards: Array<{ where: string; value: unknown }> = [];
    this.options.inlineChecks.forEach((value, i) =>
      rawChecks.push({ where: `config scorecards.checks[${i}]`, value }),
    );
    (this.options.inlineScorecards ?? []).forEach((value, i) =>
      rawScorecards.push({
        where: `config scorecards.scorecards[${i}]`,
        value,
      }),
    );
    const texts: string[] = [];
    for (const file of this.options.files) {
      let text: string;
      try {
        text = await this.readText(file);
      } catch (error) {
        problems.push(`${file}: cannot be read (${error})`);
        continue;
      }
      texts.push(text);
      let document: unknown;
      try {
        document = parse(text);
      } catch (error) {
        problems.push(`${file}: is not YAML (${error})`);
        continue;
      }
      const parsed = definitionsFileSchema.safeParse(document);
      if (!parsed.success) {
        problems.push(
          ...violationsFromZod(parsed.error.issues).map(
            v => `${file}: ${formatViolation(v)}`,
          ),
        );
        continue;
      }
      parsed.data.checks.forEach((value, i) =>
        rawChecks.push({ where: `${file}: checks[${i}]`, value }),
      );
      parsed.data.scorecards.forEach((value, i) =>
        rawScorecards.push({ where: `${file}: scorecards[${i}]`, value }),
      );
    }

    const checks = new Map<string, CheckDefinition>();
    for (const { where, value } of rawChecks) {
      const parsed = checkDefinitionSchema.safeParse(value);
      if (!parsed.success) {
        problems.push(
          ...violationsFromZod(parsed.error.issues).map(
            v => `${where}.${formatViolation(v)}`,
          ),
        );
      } else if (checks.has(parsed.data.id)) {
        problems.push(`${where}: a second check with id ${parsed.data.id}`);
      } else {
        checks.set(parsed.data.id, parsed.data as CheckDefinition);
      }
    }
    const scorecards: ScorecardDefinition[] = [];
    for (const { where, value } of rawScorecards) {
      const parsed = scorecardDefinitionSchema.safeParse(value);
      if (!parsed.success) {
        problems.push(
          ...violationsFromZod(parsed.error.issues).map(
            v => `${where}.${formatViolation(v)}`,
          ),
        );
        continue;
      }
      const scorecard = parsed.data as ScorecardDefinition;
      for (const level of SCORECARD_LEVELS) {
        for (const checkId of scorecard.levels[level]) {
          if (!checks.has(checkId)) {
            problems.push(
              `${where}.levels.${level}: no check with id ${checkId} (rule: known-check)`,
            );
          }
        }
      }
      scorecards.push(scorecard);
    }
    if (problems.length > 0) throw new DefinitionsError(problems);

    const hash = createHash('sha256')
      .update(
        JSON.stringify([
          this.options.inlineChecks,
          this.options.inlineScorecards,
        ]),
      )
      .update(texts.join('\u0000'))
      .digest('hex');
    return { checks: [...checks.values()], scorecards, hash };
  }
}
