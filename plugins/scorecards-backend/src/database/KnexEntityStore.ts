import { Knex } from 'knex';
import type {
  EntityEvaluation,
  EntityFilter,
  EntityStore,
  RollupRow,
  TrackedEntity,
} from './stores';
import { chunks, parseJson, toMillis } from './migrations';

function toEntity(row: any): TrackedEntity {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title ?? undefined,
    owner: row.owner ?? undefined,
    catalogEtag: row.catalog_etag ?? undefined,
    collectedAt: toMillis(row.collected_at),
    evaluatedAt: toMillis(row.evaluated_at),
    results: parseJson(row.results, {}),
    levels: parseJson(row.levels, {}),
    stale: Boolean(row.stale),
  };
}

export class KnexEntityStore implements EntityStore {
  constructor(private readonly db: Knex) {}

  async syncEntities(
    entities: Array<
      Pick<
        TrackedEntity,
        'entityRef' | 'kind' | 'title' | 'owner' | 'catalogEtag'
      >
    >,
    options: { complete: boolean },
  ): Promise<Array<{ entityRef: string; catalogEtag?: string }>> {
    const known = new Map<string, string | null>();
    const refs = entities.map(e => e.entityRef);
    for (const chunk of chunks(refs, 900)) {
      const rows = await this.db('scorecards_entities')
        .whereIn('entity_ref', chunk)
        .select('entity_ref', 'catalog_etag');
      for (const row of rows) known.set(row.entity_ref, row.catalog_etag);
    }
    const changed = entities.filter(
      e =>
        !known.has(e.entityRef) ||
        known.get(e.entityRef) !== (e.catalogEtag ?? null),
    );
    await this.db.transaction(async tx => {
      for (const chunk of chunks(changed)) {
        await tx('scorecards_entities')
          .insert(
            chunk.map(e => ({
              entity_ref: e.entityRef,
              kind: e.kind,
              title: e.title ?? null,
              owner: e.owner ?? null,
              // Recorded once its facts are collected, so a failed collection is retried.
              catalog_etag: known.get(e.entityRef) ?? null,
              stale: true,
            })),
          )
          .onConflict('entity_ref')
          .merge(['kind', 'title', 'owner', 'stale']);
      }
      if (options.complete) {
        const present = new Set(refs);
        const all = await tx('scorecards_entities').select('entity_ref');
        const gone = all
          .map(r => r.entity_ref)
          .filter(ref => !present.has(ref));
        for (const chunk of chunks(gone, 900)) {
          await tx('scorecards_entities').whereIn('entity_ref', chunk).delete();
          await tx('scorecards_facts').whereIn('entity_ref', chunk).delete();
          await tx('scorecards_source_etags')
            .whereIn('entity_ref', chunk)
            .delete();
        }
      }
    });
    return changed.map(e => ({
      entityRef: e.entityRef,
      catalogEtag: e.catalogEtag,
    }));
  }

  async markCollected(
    entries: Array<{ entityRef: string; catalogEtag?: string }>,
    at: number,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      for (const entry of entries) {
        const update: Record<string, unknown> = { collected_at: at };
        if (entry.catalogEtag !== undefined)
          update.catalog_etag = entry.catalogEtag;
        await tx('scorecards_entities')
          .where({ entity_ref: entry.entityRef })
          .update(update);
      }
    });
  }

  async markStale(entityRefs?: string[]): Promise<void> {
    if (!entityRefs) {
      await this.db('scorecards_entities').update({ stale: true });
      return;
    }
    for (const chunk of chunks(entityRefs, 900)) {
      await this.db('scorecards_entities')
        .whereIn('entity_ref', chunk)
        .update({ stale: true });
    }
  }

  async staleEntityRefs(limit: number): Promise<string[]> {
    const rows = await this.db('scorecards_entities')
      .where({ stale: true })
      .orderBy('entity_ref')
      .limit(limit)
      .select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async leastRecentlyCollected(
    limit: number,
    before: number,
  ): Promise<string[]> {
    const rows = await this.db('scorecards_entities')
      .where(q =>
        q.whereNull('collected_at').orWhere('collected_at', '<', before),
      )
      .orderBy([
        { column: 'collected_at', order: 'asc', nulls: 'first' },
        'entity_ref',
      ])
      .limit(limit)
      .select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async getEntity(entityRef: string): Promise<TrackedEntity | undefined> {
    const row = await this.db('scorecards_entities')
      .where({ entity_ref: entityRef })
      .first();
    return row ? toEntity(row) : undefined;
  }

  async listEntities(filter: EntityFilter): Promise<TrackedEntity[]> {
    const query = this.db('scorecards_entities').orderBy('entity_ref');
    const clauses: Array<(q: Knex.QueryBuilder) => void> = [];
    if (filter.owners?.length)
      clauses.push(q => q.whereIn('owner', filter.owners!));
    if (filter.entityRefs?.length)
      clauses.push(q => q.whereIn('entity_ref', filter.entityRefs!));
    // Owners and named entities widen the set; kinds narrow it.
    if (clauses.length > 0) {
      query.where(q => {
        clauses.forEach((clause, i) =>
          i === 0 ? q.where(clause) : q.orWhere(clause),
        );
      });
    }
    if (filter.kinds?.length) query.whereIn('kind', filter.kinds);
    return (await query).map(toEntity);
  }

  async saveEvaluations(evaluations: EntityEvaluation[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const evaluation of evaluations) {
        await tx('scorecards_entities')
          .where({ entity_ref: evaluation.entityRef })
          .update({
            results: JSON.stringify(evaluation.results),
            levels: JSON.stringify(evaluation.levels),
            evaluated_at: evaluation.evaluatedAt,
            stale: false,
          });
      }
    });
  }

  async saveRollups(rows: RollupRow[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await this.db('scorecards_rollups')
        .insert(
          chunk.map(r => ({
            scope: r.scope,
            scorecard_id: r.scorecardId,
            day: r.day,
            levels: JSON.stringify(r.levels),
            met: r.met,
            applicable: r.applicable,
          })),
        )
        .onConflict(['scope', 'scorecard_id', 'day'])
        .merge();
    }
  }

  async rollupHistory(scope: string, sinceDay: string): Promise<RollupRow[]> {
    const rows = await this.db('scorecards_rollups')
      .where({ scope })
      .andWhere('day', '>=', sinceDay)
      .orderBy(['scorecard_id', 'day']);
    return rows.map(r => ({
      scope: r.scope,
      scorecardId: r.scorecard_id,
      day: r.day,
      levels: parseJson(r.levels, { none: 0, bronze: 0, silver: 0, gold: 0 }),
      met: Number(r.met),
      applicable: Number(r.applicable),
    }));
  }
}
