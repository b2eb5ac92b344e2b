import { Knex } from 'knex';
import type { Fact } from '@paved/plugin-scorecards-common';
import type { FactStore } from './stores';
import { chunks, parseJson, toMillis } from './migrations';

export class KnexFactStore implements FactStore {
  constructor(private readonly db: Knex) {}

  async upsertFacts(facts: Fact[]): Promise<void> {
    if (facts.length === 0) return;
    // The last report of a fact wins when a batch names it twice.
    const unique = new Map(
      facts.map(f => [`${f.entityRef}\u0000${f.factId}`, f]),
    );
    const rows = [...unique.values()].map(f => ({
      entity_ref: f.entityRef,
      fact_id: f.factId,
      status: f.status,
      value: f.status === 'known' ? JSON.stringify(f.value) : null,
      reason: f.reason ?? null,
      detail: f.detail === undefined ? null : JSON.stringify(f.detail),
      source: f.source,
      observed_at: Date.parse(f.observedAt),
    }));
    const refs = [...new Set(rows.map(r => r.entity_ref))];
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows)) {
        await tx('scorecards_facts')
          .insert(chunk)
          .onConflict(['entity_ref', 'fact_id'])
          .merge();
      }
      for (const chunk of chunks(refs)) {
        await tx('scorecards_entities')
          .whereIn('entity_ref', chunk)
          .update({ stale: true });
      }
    });
  }

  async deleteFactsExcept(
    entityRef: string,
    source: string,
    keepFactIds: string[],
  ): Promise<void> {
    const query = this.db('scorecards_facts').where({
      entity_ref: entityRef,
      source,
    });
    if (keepFactIds.length > 0) query.whereNotIn('fact_id', keepFactIds);
    const deleted = await query.delete();
    if (deleted > 0) {
      await this.db('scorecards_entities')
        .where({ entity_ref: entityRef })
        .update({ stale: true });
    }
  }

  async factsFor(entityRefs: string[]): Promise<Map<string, Fact[]>> {
    const byEntity = new Map<string, Fact[]>();
    for (const chunk of chunks(entityRefs, 900)) {
      const rows = await this.db('scorecards_facts').whereIn(
        'entity_ref',
        chunk,
      );
      for (const row of rows) {
        const fact: Fact = {
          entityRef: row.entity_ref,
          factId: row.fact_id,
          status: row.status,
          value: row.status === 'known' ? parseJson(row.value, null) : null,
          source: row.source,
          observedAt: new Date(toMillis(row.observed_at)!).toISOString(),
        };
        if (row.reason) fact.reason = row.reason;
        if (row.detail) fact.detail = parseJson(row.detail, undefined);
        const list = byEntity.get(row.entity_ref) ?? [];
        list.push(fact);
        byEntity.set(row.entity_ref, list);
      }
    }
    return byEntity;
  }

  async sourceEtag(
    collector: string,
    entityRef: string,
  ): Promise<string | undefined> {
    const row = await this.db('scorecards_source_etags')
      .where({ collector, entity_ref: entityRef })
      .first();
    return row?.etag;
  }

  async setSourceEtag(
    collector: string,
    entityRef: string,
    etag: string,
  ): Promise<void> {
    await this.db('scorecards_source_etags')
      .insert({ collector, entity_ref: entityRef, etag })
      .onConflict(['collector', 'entity_ref'])
      .merge();
  }
}
