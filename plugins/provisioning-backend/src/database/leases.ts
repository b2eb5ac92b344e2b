import { Knex } from 'knex';
import { HISTORY } from './history';

/** A claim of due rows: its token, how long its lease lasts, at most how many rows, which ones. */
export interface ClaimOptions {
  /** A token unique to this claim; every later write of the work is a compare-and-set on it. */
  owner: string;
  leaseMs: number;
  limit: number;
  /** Only these rows (a kick after a create or an approval); all due rows without. */
  ids?: string[];
}

/** What a processing step records when it ends without changing the status. */
export interface RescheduleUpdate {
  /** Failed attempts in the current run of failures (0 after a step that did not fail). */
  attempts: number;
  nextAttemptAt?: Date;
  /** When the current run of failures began; null ends it (the step did not fail). */
  failingSince?: Date | null;
  /** Requests only: when the provider accepted `provision()`. */
  submittedAt?: Date;
}

/**
 * Processing leases on the rows of one work table (requests, operations). Every write is a
 * compare-and-set on the lease owner, a token the claimer chose for this one claim: of two
 * processors racing for a row one wins, and a processor whose lease was taken over can no longer
 * renew, reschedule or release it (fencing).
 */
export class RowLeases {
  constructor(
    private readonly db: Knex,
    private readonly table: string,
    private readonly now: () => Date,
    /** Narrows a query to the rows processors work on (their statuses). */
    private readonly processable: (
      query: Knex.QueryBuilder,
    ) => Knex.QueryBuilder,
  ) {}

  private dueAndFree(query: Knex.QueryBuilder, now: Date) {
    return this.processable(query)
      .where(q =>
        q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now),
      )
      .where(q =>
        q.whereNull('lease_owner').orWhere('lease_expires_at', '<', now),
      );
  }

  /** Leases due rows that no live processor holds to `owner`; returns the ids it got. */
  async claim(options: ClaimOptions): Promise<string[]> {
    const now = this.now();
    const candidates = this.dueAndFree(this.db(this.table).select('id'), now)
      .orderBy('updated_at', 'asc')
      .limit(options.limit);
    if (options.ids) candidates.whereIn('id', options.ids);
    const ids: string[] = (await candidates).map((r: { id: string }) => r.id);

    const claimed: string[] = [];
    const leaseExpiresAt = new Date(now.getTime() + options.leaseMs);
    for (const id of ids) {
      // One UPDATE checks and takes the lease, so of two racing processors one changes the row.
      const changed = await this.dueAndFree(
        this.db(this.table).where({ id }),
        now,
      ).update({
        lease_owner: options.owner,
        lease_expires_at: leaseExpiresAt,
      });
      if (changed === 1) claimed.push(id);
    }
    return claimed;
  }

  /** Claims like {@link RowLeases.claim} and reads the rows it got, least recently changed first. */
  async claimRows<Row>(options: ClaimOptions): Promise<Row[]> {
    const ids = await this.claim(options);
    if (ids.length === 0) return [];
    return this.db(this.table)
      .whereIn('id', ids)
      .where({ lease_owner: options.owner })
      .orderBy('updated_at', 'asc');
  }

  /**
   * Extends the lease while `owner` still holds it. False when another processor took it over
   * (the lease had run out) or it was released: the caller must stop and write nothing.
   */
  async renew(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const changed = await this.db(this.table)
      .where({ id, lease_owner: owner })
      .update({
        lease_expires_at: new Date(this.now().getTime() + leaseMs),
      });
    return changed === 1;
  }

  /**
   * Records a step that did not change the status and frees the lease, with `historyRow` (see
   * history.ts) on the trail in the same transaction; nothing is written unless `owner` holds the
   * lease.
   */
  async reschedule(
    id: string,
    owner: string,
    update: RescheduleUpdate,
    historyRow?: Record<string, unknown>,
  ): Promise<boolean> {
    const now = this.now();
    const write = async (db: Knex) => {
      const changed = await db(this.table)
        .where({ id, lease_owner: owner })
        .update({
          attempts: update.attempts,
          next_attempt_at: update.nextAttemptAt ?? null,
          ...(update.failingSince !== undefined
            ? { failing_since: update.failingSince }
            : {}),
          ...(update.submittedAt ? { submitted_at: update.submittedAt } : {}),
          lease_owner: null,
          lease_expires_at: null,
          updated_at: now,
        });
      if (changed !== 1) return false;
      if (historyRow) {
        await db(HISTORY).insert({ ...historyRow, created_at: now });
      }
      return true;
    };
    return historyRow ? this.db.transaction(tx => write(tx)) : write(this.db);
  }

  /** Frees the lease if `owner` still holds it. */
  async release(id: string, owner: string): Promise<void> {
    await this.db(this.table)
      .where({ id, lease_owner: owner })
      .update({ lease_owner: null, lease_expires_at: null });
  }
}
