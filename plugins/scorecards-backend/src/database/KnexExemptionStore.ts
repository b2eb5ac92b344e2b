import { Knex } from 'knex';
import type { Exemption } from '@paved/plugin-scorecards-common';
import type { ExemptionStore } from './stores';
import { chunks, toMillis } from './migrations';

function iso(ms: unknown): string | undefined {
  const value = toMillis(ms);
  return value === undefined ? undefined : new Date(value).toISOString();
}

function toExemption(row: any, now: number): Exemption {
  const expiresAt = toMillis(row.expires_at)!;
  // Expiry is derived at read time, so no job has to flip a status for it to stop counting.
  const status =
    row.status === 'approved' && expiresAt <= now ? 'expired' : row.status;
  const exemption: Exemption = {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    expiresAt: new Date(expiresAt).toISOString(),
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at)!,
    status,
  };
  if (row.reviewed_by) exemption.reviewedBy = row.reviewed_by;
  if (row.reviewed_at) exemption.reviewedAt = iso(row.reviewed_at);
  if (row.review_comment) exemption.reviewComment = row.review_comment;
  return exemption;
}

export class KnexExemptionStore implements ExemptionStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(exemption: Omit<Exemption, 'status'>): Promise<Exemption> {
    await this.db('scorecards_exemptions').insert({
      id: exemption.id,
      entity_ref: exemption.entityRef,
      check_id: exemption.checkId,
      reason: exemption.reason,
      expires_at: Date.parse(exemption.expiresAt),
      requested_by: exemption.requestedBy,
      requested_at: Date.parse(exemption.requestedAt),
      status: 'pending',
    });
    return (await this.get(exemption.id))!;
  }

  async get(id: string): Promise<Exemption | undefined> {
    const row = await this.db('scorecards_exemptions').where({ id }).first();
    return row ? toExemption(row, this.now().getTime()) : undefined;
  }

  async list(filter: {
    entityRefs?: string[];
    statuses?: Exemption['status'][];
  }): Promise<Exemption[]> {
    const now = this.now().getTime();
    const rows: any[] = [];
    const refs = filter.entityRefs;
    for (const chunk of refs ? chunks(refs, 900) : [undefined]) {
      const query = this.db('scorecards_exemptions').orderBy(
        'requested_at',
        'desc',
      );
      if (chunk) query.whereIn('entity_ref', chunk);
      rows.push(...(await query));
    }
    const all = rows.map(row => toExemption(row, now));
    return filter.statuses
      ? all.filter(e => filter.statuses!.includes(e.status))
      : all;
  }

  async review(
    id: string,
    review: {
      status: 'approved' | 'rejected';
      reviewedBy: string;
      reviewedAt: number;
      comment?: string;
    },
  ): Promise<boolean> {
    // Only a pending exemption can be decided; two reviewers racing cannot both win.
    const updated = await this.db('scorecards_exemptions')
      .where({ id, status: 'pending' })
      .update({
        status: review.status,
        reviewed_by: review.reviewedBy,
        reviewed_at: review.reviewedAt,
        review_comment: review.comment ?? null,
      });
    return updated === 1;
  }

  async delete(id: string): Promise<void> {
    await this.db('scorecards_exemptions').where({ id }).delete();
  }

  async expiredBetween(since: number, until: number): Promise<Exemption[]> {
    const rows = await this.db('scorecards_exemptions')
      .where({ status: 'approved' })
      .andWhere('expires_at', '>', since)
      .andWhere('expires_at', '<=', until);
    return rows.map(row => toExemption(row, until));
  }
}
