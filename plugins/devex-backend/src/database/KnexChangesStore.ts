import { Knex } from 'knex';
import { changeSizeClasses } from '@paved/plugin-devex-common';
import {
  ChangeFlowAggregates,
  ChangesStore,
  MeasureSummary,
  StoredChange,
} from './ChangesStore';
import { ServiceScope, TimeWindow } from './DoraStore';
import {
  GroupTotals,
  noSamples,
  quantilesOf,
  MeasureQuantiles,
} from './quantiles';
import { iso, num, numOrNull } from './rows';

const QUANTILES = [0.5, 0.75];
const MEASURES = ['coding', 'pickup', 'review', 'deploy', 'size'] as const;

const summary = (q: MeasureQuantiles): MeasureSummary => ({
  median: q.values[0],
  p75: q.values[1],
  samples: q.samples,
});

/**
 * Knex implementation of {@link ChangesStore}. Each stage is a span between two times of a
 * change; a span that has not ended (null) or ends before it starts (negative) is no sample.
 */
export class KnexChangesStore implements ChangesStore {
  constructor(private readonly db: Knex) {}

  async changeFlow(
    scope: ServiceScope,
    window: TimeWindow,
  ): Promise<ChangeFlowAggregates> {
    const services = scope.services;
    if (services && services.length === 0) return emptyFlow();
    const inScope = (qb: Knex.QueryBuilder) =>
      services ? qb.whereIn('service_ref', services) : qb;
    const size = this.db.raw(
      'CASE WHEN additions IS NULL AND deletions IS NULL THEN NULL ELSE COALESCE(additions, 0) + COALESCE(deletions, 0) END',
    );
    const merged = () =>
      inScope(
        this.db('devex_changes')
          .whereNotNull('merged_at')
          .where('merged_at', '>=', window.from)
          .where('merged_at', '<', window.to),
      );

    // One read of the merged changes gives the stage quantiles, their number and size classes.
    const totals = new Map<string, GroupTotals>();
    const [stages, open] = await Promise.all([
      quantilesOf(
        this.db,
        merged().select(
          this.db.raw('opened_at - first_commit_at AS coding'),
          this.db.raw('first_review_at - opened_at AS pickup'),
          this.db.raw('merged_at - first_review_at AS review'),
          this.db.raw('deployed_at - merged_at AS deploy'),
          this.db.raw('? AS size', [size]),
        ),
        {
          measures: [...MEASURES],
          quantiles: QUANTILES,
          totals: {
            classes: {
              measure: 'size',
              upperBounds: changeSizeClasses.map(c => c.maxLines),
            },
            into: totals,
          },
        },
      ),
      inScope(
        this.db('devex_changes')
          .whereNull('merged_at')
          .whereNull('closed_at')
          .where('opened_at', '>=', window.from)
          .where('opened_at', '<', window.to),
      )
        .count({ open: '*' })
        .first(),
    ]);
    const q = stages.get('');
    const of = (m: (typeof MEASURES)[number]) =>
      summary(q?.[m] ?? noSamples(QUANTILES));
    return {
      merged: totals.get('')?.rows ?? 0,
      coding: of('coding'),
      pickup: of('pickup'),
      review: of('review'),
      deploy: of('deploy'),
      size: {
        ...of('size'),
        classes:
          totals.get('')?.classes ?? changeSizeClasses.map(() => 0),
      },
      open: num(open?.open ?? 0),
    };
  }

  async storedChange(
    source: string,
    id: string,
  ): Promise<StoredChange | undefined> {
    const row = await this.db('devex_changes')
      .where({ source, event_id: id })
      .first();
    if (!row) return undefined;
    const time = (column: string) => {
      const ms = numOrNull(row[column]);
      return ms === null ? undefined : iso(ms);
    };
    const count = (column: string) => numOrNull(row[column]) ?? undefined;
    const data = {
      openedAt: iso(num(row.opened_at)),
      firstCommitAt: time('first_commit_at'),
      firstReviewAt: time('first_review_at'),
      approvedAt: time('approved_at'),
      mergedAt: time('merged_at'),
      closedAt: time('closed_at'),
      mergeCommit: row.merge_commit ?? undefined,
      additions: count('additions'),
      deletions: count('deletions'),
      author: row.author ?? undefined,
    };
    return {
      // Absent fields are left out, as the event had them.
      data: Object.fromEntries(
        Object.entries(data).filter(([, v]) => v !== undefined),
      ) as StoredChange['data'],
      observedAt: numOrNull(row.observed_at),
    };
  }
}

function emptyFlow(): ChangeFlowAggregates {
  const none = { median: null, p75: null, samples: 0 };
  return {
    merged: 0,
    coding: none,
    pickup: none,
    review: none,
    deploy: none,
    size: { ...none, classes: changeSizeClasses.map(() => 0) },
    open: 0,
  };
}
