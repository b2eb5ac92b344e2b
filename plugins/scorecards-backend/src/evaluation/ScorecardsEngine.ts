import { LoggerService } from '@backstage/backend-plugin-api';
import type { Exemption, Fact } from '@paved/plugin-scorecards-common';
import type { ScorecardsStores } from '../database';
import type {
  Definitions,
  DefinitionsLoader,
} from '../checks/DefinitionsLoader';
import { evaluateEntity, EntityOutcome } from './evaluateEntity';
import { rollUp } from './rollups';

const BATCH = 1000;

/**
 * Evaluates checks and scorecards: the entities whose facts (or rules, or exemptions) changed, in
 * batches, then today's roll-ups for the organisation and every team.
 */
export class ScorecardsEngine {
  private lastHash?: string;

  constructor(
    private readonly options: {
      stores: ScorecardsStores;
      definitions: DefinitionsLoader;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async definitions(): Promise<Definitions> {
    const definitions = await this.options.definitions.load();
    if (this.lastHash !== undefined && this.lastHash !== definitions.hash) {
      this.options.logger.info(
        'Scorecard definitions changed; every entity is evaluated again',
      );
      await this.options.stores.entities.markStale();
    }
    this.lastHash = definitions.hash;
    return definitions;
  }

  /** One entity, evaluated now from its stored facts and exemptions (for the entity page). */
  async evaluateNow(entityRef: string): Promise<
    EntityOutcome & {
      definitions: Definitions;
      facts: Fact[];
      exemptions: Exemption[];
    }
  > {
    const definitions = await this.definitions();
    const [factMap, exemptions] = await Promise.all([
      this.options.stores.facts.factsFor([entityRef]),
      this.options.stores.exemptions.list({ entityRefs: [entityRef] }),
    ]);
    const facts = factMap.get(entityRef) ?? [];
    const outcome = evaluateEntity(
      entityRef,
      facts,
      exemptions,
      definitions,
      this.now(),
    );
    return { ...outcome, definitions, facts, exemptions };
  }

  /** Evaluates every entity marked stale; returns how many were evaluated. */
  async evaluateStale(): Promise<number> {
    const definitions = await this.definitions();
    const { entities, facts, exemptions } = this.options.stores;
    let evaluated = 0;
    // Each batch clears its entities' stale flag, so the loop ends; the cap guards against an
    // entity re-marked stale by a concurrent fact report forever.
    for (let round = 0; round < 1000; round++) {
      const refs = await entities.staleEntityRefs(BATCH);
      if (refs.length === 0) break;
      const now = this.now();
      const [factMap, active] = await Promise.all([
        facts.factsFor(refs),
        exemptions.list({ entityRefs: refs, statuses: ['approved'] }),
      ]);
      await entities.saveEvaluations(
        refs.map(ref => ({
          entityRef: ref,
          ...evaluateEntity(
            ref,
            factMap.get(ref) ?? [],
            active.filter(e => e.entityRef === ref),
            definitions,
            now,
          ),
          evaluatedAt: now.getTime(),
        })),
      );
      evaluated += refs.length;
    }
    return evaluated;
  }

  /** Today's roll-ups (organisation and teams), replacing earlier ones of the same day. */
  async rollUp(): Promise<void> {
    const definitions = await this.definitions();
    const all = await this.options.stores.entities.listEntities({});
    await this.options.stores.entities.saveRollups(
      rollUp(all, definitions.scorecards, this.now()),
    );
  }

  /** Entities whose exemption expired recently are evaluated again, so it stops counting. */
  async expireExemptions(windowMs: number): Promise<void> {
    const now = this.now().getTime();
    const expired = await this.options.stores.exemptions.expiredBetween(
      now - windowMs,
      now,
    );
    if (expired.length > 0) {
      await this.options.stores.entities.markStale([
        ...new Set(expired.map(e => e.entityRef)),
      ]);
    }
  }
}
