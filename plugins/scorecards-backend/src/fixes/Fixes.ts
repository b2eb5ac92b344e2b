import { randomUUID } from 'node:crypto';
import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { FixAttempt, FixerSummary } from '@paved/plugin-scorecards-common';
import type { ScorecardFixer } from '@paved/plugin-scorecards-node';
import type { ScorecardsStores } from '../database';
import type { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import type { FactCollection } from '../facts/FactCollection';
import { fillPlaceholders } from './placeholders';

/**
 * "Fix it": starts a check's fixer for an entity on behalf of the user, one at a time per check,
 * and follows it; when its change has landed, the entity is refreshed in the catalog and its facts
 * collected again, so the check (and the level) is re-evaluated.
 */
export class Fixes {
  private readonly fixers = new Map<string, ScorecardFixer>();

  constructor(
    private readonly options: {
      stores: ScorecardsStores;
      engine: ScorecardsEngine;
      collection: FactCollection;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => Date;
    },
    fixers: ScorecardFixer[],
  ) {
    for (const fixer of fixers) {
      if (this.fixers.has(fixer.id))
        throw new Error(`Two scorecard fixers with id ${fixer.id}`);
      this.fixers.set(fixer.id, fixer);
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  summaries(): FixerSummary[] {
    return [...this.fixers.values()].map(({ id, title, description }) => ({
      id,
      title,
      description,
    }));
  }

  summary(id: string | undefined): FixerSummary | undefined {
    return this.summaries().find(s => s.id === id);
  }

  async start(
    entityRef: string,
    checkId: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<FixAttempt> {
    // Read with the user's own credentials: a user who cannot see the entity cannot fix it.
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    if (!(await this.options.stores.entities.getEntity(entityRef))) {
      await this.options.collection.track(entity);
    }
    const { definitions, results } = await this.options.engine.evaluateNow(
      entityRef,
    );
    const check = definitions.checks.find(c => c.id === checkId);
    if (!check) throw new NotFoundError(`No check with id ${checkId}`);
    if (!check.fixer)
      throw new InputError(
        `checkId: ${checkId} names no fixer (rule: fixable-check)`,
      );
    const fixer = this.fixers.get(check.fixer.id);
    if (!fixer) {
      throw new InputError(
        `checkId: the fixer ${check.fixer.id} of ${checkId} is not installed (rule: known-fixer)`,
      );
    }
    if (results[checkId]?.status === 'pass') {
      throw new ConflictError(`${checkId} already passes for ${entityRef}`);
    }
    const open = await this.options.stores.fixes.openFor(entityRef, checkId);
    if (open) {
      throw new ConflictError(
        `a fix for ${checkId} is already under way: ${open.url ?? open.id}`,
      );
    }
    let input: Record<string, unknown>;
    try {
      input = fillPlaceholders(check.fixer.input ?? {}, entityRef, entity);
    } catch (error) {
      throw new InputError(
        `checkId: ${(error as Error).message} (rule: fixer-input)`,
      );
    }
    const started = await fixer.start({
      entity,
      entityRef,
      check,
      input,
      credentials,
    });
    return this.options.stores.fixes.create({
      id: randomUUID(),
      entityRef,
      checkId,
      fixerId: fixer.id,
      status: 'started',
      startedBy: credentials.principal.userEntityRef,
      startedAt: this.now().toISOString(),
      externalId: started.externalId,
      url: started.url,
      message: started.message,
    });
  }

  /** Follows every open fix; a landed one triggers a catalog refresh and a new collection. */
  async poll(): Promise<void> {
    const { stores, logger, catalog, auth, collection } = this.options;
    for (const attempt of await stores.fixes.listOpen()) {
      const fixer = this.fixers.get(attempt.fixerId);
      if (!fixer || !attempt.externalId) continue;
      let state;
      try {
        state = await fixer.status({ externalId: attempt.externalId });
      } catch (error) {
        logger.warn(
          `Could not follow fix ${attempt.id} (${attempt.fixerId}): ${error}`,
        );
        continue;
      }
      if (state.status === 'started') continue;
      await stores.fixes.finish(attempt.id, {
        status: state.status,
        finishedAt: this.now().toISOString(),
        message: state.message,
      });
      if (state.status === 'completed') {
        await catalog
          .refreshEntity(attempt.entityRef, {
            credentials: await auth.getOwnServiceCredentials(),
          })
          .catch(error =>
            logger.warn(
              `Catalog refresh of ${attempt.entityRef} failed: ${error}`,
            ),
          );
        await collection.collect([{ entityRef: attempt.entityRef }]);
      }
    }
  }
}
