import { Knex } from 'knex';
import type { FixAttempt } from '@paved/plugin-scorecards-common';
import type { FixStore } from './stores';
import { toMillis } from './migrations';

function toAttempt(row: any): FixAttempt {
  const attempt: FixAttempt = {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    fixerId: row.fixer_id,
    status: row.status,
    startedBy: row.started_by,
    startedAt: new Date(toMillis(row.started_at)!).toISOString(),
  };
  if (row.finished_at)
    attempt.finishedAt = new Date(toMillis(row.finished_at)!).toISOString();
  if (row.url) attempt.url = row.url;
  if (row.external_id) attempt.externalId = row.external_id;
  if (row.message) attempt.message = row.message;
  return attempt;
}

export class KnexFixStore implements FixStore {
  constructor(private readonly db: Knex) {}

  async create(attempt: FixAttempt): Promise<FixAttempt> {
    await this.db('scorecards_fix_attempts').insert({
      id: attempt.id,
      entity_ref: attempt.entityRef,
      check_id: attempt.checkId,
      fixer_id: attempt.fixerId,
      status: attempt.status,
      started_by: attempt.startedBy,
      started_at: Date.parse(attempt.startedAt),
      external_id: attempt.externalId ?? null,
      url: attempt.url ?? null,
      message: attempt.message ?? null,
    });
    return (await this.get(attempt.id))!;
  }

  async get(id: string): Promise<FixAttempt | undefined> {
    const row = await this.db('scorecards_fix_attempts').where({ id }).first();
    return row ? toAttempt(row) : undefined;
  }

  async latestFor(entityRef: string): Promise<Map<string, FixAttempt>> {
    const rows = await this.db('scorecards_fix_attempts')
      .where({ entity_ref: entityRef })
      .orderBy('started_at', 'asc');
    return new Map(rows.map(row => [row.check_id, toAttempt(row)]));
  }

  async openFor(
    entityRef: string,
    checkId: string,
  ): Promise<FixAttempt | undefined> {
    const row = await this.db('scorecards_fix_attempts')
      .where({ entity_ref: entityRef, check_id: checkId, status: 'started' })
      .first();
    return row ? toAttempt(row) : undefined;
  }

  async listOpen(): Promise<FixAttempt[]> {
    const rows = await this.db('scorecards_fix_attempts').where({
      status: 'started',
    });
    return rows.map(toAttempt);
  }

  async finish(
    id: string,
    outcome: {
      status: 'completed' | 'failed';
      finishedAt: string;
      message?: string;
    },
  ): Promise<void> {
    await this.db('scorecards_fix_attempts')
      .where({ id, status: 'started' })
      .update({
        status: outcome.status,
        finished_at: Date.parse(outcome.finishedAt),
        message: outcome.message ?? null,
      });
  }
}
