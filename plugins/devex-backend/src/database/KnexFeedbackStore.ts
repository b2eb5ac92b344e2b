import { Knex } from 'knex';
import { createHash } from 'crypto';
import {
  FEEDBACK_ALERT_RATING,
  FeedbackCategory,
} from '@paved/plugin-devex-common';
import { TimeWindow } from './DoraStore';
import {
  FeedbackAllowance,
  FeedbackGroup,
  FeedbackOutcome,
  FeedbackStore,
  PortalFeedback,
  StoredFeedback,
} from './FeedbackStore';
import { num } from './rows';

/** The same feedback from the same person within this slot is stored once. */
const DEDUPE_SLOT_MS = 10 * 60_000;

function dedupeKey(f: PortalFeedback): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        f.userRef,
        f.page,
        f.rating,
        f.category,
        f.comment ?? '',
        Math.floor(f.submittedAt / DEDUPE_SLOT_MS),
      ]),
    )
    .digest('hex');
}

/** Knex implementation of {@link FeedbackStore} for PostgreSQL and SQLite. */
export class KnexFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Knex) {}

  async record(
    feedback: PortalFeedback,
    allowance: FeedbackAllowance,
  ): Promise<FeedbackOutcome> {
    const key = dedupeKey(feedback);
    const earlier = await this.db('devex_feedback')
      .where('dedupe_key', key)
      .first('id');
    if (earlier) return { outcome: 'duplicate', id: num(earlier.id) };

    const retryAfterMs = await this.takeAllowance(
      feedback.userRef,
      feedback.submittedAt,
      allowance,
    );
    if (retryAfterMs !== undefined) return { outcome: 'limited', retryAfterMs };

    const inserted = await this.db('devex_feedback')
      .insert({
        user_ref: feedback.userRef,
        rating: feedback.rating,
        category: feedback.category,
        comment: feedback.comment,
        page: feedback.page,
        last_action: feedback.lastAction,
        submitted_at: feedback.submittedAt,
        dedupe_key: key,
      })
      .onConflict('dedupe_key')
      .ignore()
      .returning('id');
    const row = await this.db('devex_feedback')
      .where('dedupe_key', key)
      .first('id');
    // A concurrent identical send won the insert: this one is its duplicate.
    return inserted.length > 0
      ? { outcome: 'stored', id: num(row.id) }
      : { outcome: 'duplicate', id: num(row.id) };
  }

  /**
   * Takes one unit of the sender's allowance in a single conditional UPDATE, so concurrent sends
   * on any replica cannot all pass a count they read at the same time. Fixed windows.
   * Returns `undefined` when taken, else the milliseconds until the next window.
   */
  private async takeAllowance(
    userRef: string,
    now: number,
    { windowMs, maxPerWindow }: FeedbackAllowance,
  ): Promise<number | undefined> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    await this.db('devex_feedback_allowance')
      .insert({ user_ref: userRef, window_start: windowStart, used: 0 })
      .onConflict('user_ref')
      .ignore();
    const taken = await this.db('devex_feedback_allowance')
      .where('user_ref', userRef)
      .andWhere(q =>
        q
          .whereNot('window_start', windowStart)
          .orWhere('used', '<', maxPerWindow),
      )
      .update({
        used: this.db.raw(
          'CASE WHEN window_start = ? THEN used + 1 ELSE 1 END',
          [windowStart],
        ),
        window_start: windowStart,
      });
    return taken > 0 ? undefined : windowStart + windowMs - now;
  }

  async feedbackGroups(window: TimeWindow) {
    const base = () =>
      this.db('devex_feedback')
        .where('submitted_at', '>=', window.from)
        .andWhere('submitted_at', '<', window.to);
    const measures = [
      this.db.raw('COUNT(*) AS responses'),
      this.db.raw('AVG(rating) AS average_rating'),
      this.db.raw(
        `SUM(CASE WHEN rating <= ${FEEDBACK_ALERT_RATING} THEN 1 ELSE 0 END) AS low_ratings`,
      ),
    ];
    const group = (r: any): FeedbackGroup => ({
      responses: num(r.responses),
      averageRating: num(r.average_rating),
      lowRatings: num(r.low_ratings ?? 0),
    });
    const [all] = await base().select(measures);
    const pages = await base()
      .select('page', ...measures)
      .groupBy('page')
      .orderByRaw('COUNT(*) DESC, page ASC');
    const categories = await base()
      .select('category', ...measures)
      .groupBy('category')
      .orderByRaw('COUNT(*) DESC, category ASC');
    return {
      all:
        num(all.responses) > 0
          ? group(all)
          : { responses: 0, averageRating: NaN, lowRatings: 0 },
      byPage: pages.map(r => ({ page: r.page as string, ...group(r) })),
      byCategory: categories.map(r => ({
        category: r.category as FeedbackCategory,
        ...group(r),
      })),
    };
  }

  async latestFeedback(
    window: TimeWindow,
    limit: number,
  ): Promise<StoredFeedback[]> {
    const rows = await this.db('devex_feedback')
      .where('submitted_at', '>=', window.from)
      .andWhere('submitted_at', '<', window.to)
      .orderBy([
        { column: 'submitted_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(r => ({
      id: num(r.id),
      userRef: r.user_ref,
      rating: num(r.rating),
      category: r.category,
      comment: r.comment ?? null,
      page: r.page,
      lastAction: r.last_action ?? null,
      submittedAt: num(r.submitted_at),
    }));
  }
}
