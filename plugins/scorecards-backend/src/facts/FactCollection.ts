import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { Fact } from '@paved/plugin-scorecards-common';
import type { FactCollector } from '@paved/plugin-scorecards-node';
import type { ScorecardsStores } from '../database';
import { allUnknown } from './collectedFacts';

const BATCH = 200;

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/**
 * Keeps scorecards' view of the catalog current and runs the fact collectors: for entities that
 * are new or changed in the catalog (compared by `metadata.etag`), and, on the slower refresh,
 * for those collected longest ago.
 */
export class FactCollection {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      stores: ScorecardsStores;
      collectors: FactCollector[];
      entityKinds: string[];
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Compares the catalog with what is tracked; collects facts for what is new or changed. */
  async syncCatalog(): Promise<number> {
    const { catalog, auth, stores } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const tracked: Parameters<ScorecardsStores['entities']['syncEntities']>[0] =
      [];
    for await (const page of catalog.streamEntities(
      {
        filter: { kind: this.options.entityKinds },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.title',
          'metadata.etag',
          'relations',
        ],
      },
      { credentials },
    )) {
      for (const entity of page) {
        const owner = entity.relations?.find(
          r => r.type === RELATION_OWNED_BY,
        )?.targetRef;
        tracked.push({
          entityRef: refOf(entity),
          kind: entity.kind.toLocaleLowerCase('en-US'),
          title: entity.metadata.title ?? entity.metadata.name,
          owner: owner?.toLocaleLowerCase('en-US'),
          catalogEtag: entity.metadata.etag,
        });
      }
    }
    const changed = await stores.entities.syncEntities(tracked, {
      complete: true,
    });
    await this.collect(changed);
    return changed.length;
  }

  /** Starts measuring one entity now (first view, a service just created): tracks and collects it. */
  async track(entity: Entity): Promise<void> {
    const owner = entity.relations?.find(
      r => r.type === RELATION_OWNED_BY,
    )?.targetRef;
    const changed = await this.options.stores.entities.syncEntities(
      [
        {
          entityRef: refOf(entity),
          kind: entity.kind.toLocaleLowerCase('en-US'),
          title: entity.metadata.title ?? entity.metadata.name,
          owner: owner?.toLocaleLowerCase('en-US'),
          catalogEtag: entity.metadata.etag,
        },
      ],
      { complete: false },
    );
    await this.collect(
      changed.length > 0 ? changed : [{ entityRef: refOf(entity) }],
    );
  }

  /** Collects again the facts of entities last collected before `olderThan` (at most `limit`). */
  async refresh(limit: number, olderThan: number): Promise<number> {
    const refs = await this.options.stores.entities.leastRecentlyCollected(
      limit,
      olderThan,
    );
    await this.collect(refs.map(entityRef => ({ entityRef })));
    return refs.length;
  }

  /** Runs every collector for these entities and stores what they found. */
  async collect(
    entries: Array<{ entityRef: string; catalogEtag?: string }>,
  ): Promise<void> {
    const { catalog, auth, stores, logger } = this.options;
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: batch.map(e => e.entityRef) },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const entities = items.filter((e): e is Entity => e !== undefined);
      const now = this.now();
      const facts: Fact[] = [];
      for (const collector of this.options.collectors) {
        const subjects = collector.appliesTo
          ? entities.filter(e => collector.appliesTo!(e))
          : entities;
        if (subjects.length === 0) continue;
        let collected;
        try {
          collected = await collector.collect(subjects, { logger, now });
        } catch (error) {
          logger.warn(`Fact collector ${collector.id} failed: ${error}`);
          collected = subjects.flatMap(e =>
            allUnknown(
              refOf(e),
              collector.descriptors,
              `the ${collector.id} collector failed: ${
                (error as Error).message
              }`,
            ),
          );
        }
        for (const fact of collected) {
          facts.push({
            ...fact,
            source: collector.id,
            observedAt: fact.observedAt ?? now.toISOString(),
          });
        }
      }
      await stores.facts.upsertFacts(facts);
      await stores.entities.markCollected(batch, now.getTime());
    }
  }
}
