import { Knex } from 'knex';
import { CohortAggregates, ImpactStore } from './ImpactStore';
import { TimeWindow } from './DoraStore';
import { noSamples, quantilesOf } from './quantiles';
import { num } from './rows';
import { BucketRanks } from './bucketRanks';

/**
 * Knex implementation of {@link ImpactStore}. The cohorts travel as one JSON parameter (service →
 * group pairs) joined to the facts ingest keeps, so each read is one statement for all cohorts,
 * whatever their number of services.
 */
export class KnexImpactStore implements ImpactStore {
  private readonly isPg: boolean;

  constructor(private readonly db: Knex) {
    this.isPg = db.client.config.client === 'pg';
  }

  /**
   * `JOIN` of membership pairs (alias `c`: `s` the service, `c` a small integer naming its group:
   * any key travels safely, and a narrow integer groups fastest) on `column`.
   */
  private joinPairs(
    query: Knex.QueryBuilder,
    pairs: Array<{ s: string; c: number }>,
    column: string,
  ) {
    const json = JSON.stringify(pairs);
    return this.isPg
      ? query.joinRaw(
          `JOIN json_to_recordset(?::json) AS c(s text, c integer) ON c.s = ${column}`,
          [json],
        )
      : query.joinRaw(
          `JOIN (SELECT json_extract(value, '$.s') AS s, json_extract(value, '$.c') AS c FROM json_each(?)) AS c ON c.s = ${column}`,
          [json],
        );
  }

  /**
   * Counts and lead-time quantiles are exact per cohort, yet each sample is read once: services
   * are grouped into leaves (the services that belong to the same set of cohorts, such as one
   * template version), counts are taken per leaf and lead-time bucket, a cohort's counts are the
   * sum of its leaves', and only the buckets holding each cohort's wanted ranks are read.
   */
  async cohortAggregates(
    cohorts: Map<string, string[]>,
    window: TimeWindow,
    quantiles: number[],
  ): Promise<Map<string, CohortAggregates>> {
    const result = new Map<string, CohortAggregates>();
    if (cohorts.size === 0) return result;
    const leaves = leavesOf(cohorts);
    const leafPairs = leaves.flatMap((leaf, index) =>
      leaf.services.map(s => ({ s, c: index })),
    );
    const cohortPairs = [...cohorts.values()].flatMap((services, index) =>
      services.map(s => ({ s, c: index })),
    );
    const deployments = () =>
      this.db('devex_deployments as d')
        .where('d.counted', true)
        .where('d.finished_at', '>=', window.from)
        .where('d.finished_at', '<', window.to);
    const commits = () =>
      this.joinPairs(
        this.db('devex_deployment_commits as l')
          .whereNotNull('l.bucket')
          .where('l.deployed_at', '>=', window.from)
          .where('l.deployed_at', '<', window.to),
        leafPairs,
        'l.service_ref',
      );
    // Side by side: the answer takes as long as the slowest read.
    const [counts, bucketCounts, recoveries] = await Promise.all([
      this.joinPairs(deployments(), leafPairs, 'd.service_ref')
        .groupBy('c.c')
        .select('c.c as leaf')
        .count({ deployments: '*' })
        .sum({
          failed: this.db.raw('CASE WHEN d.failed THEN 1 ELSE 0 END'),
        }) as Promise<Array<Record<string, any>>>,
      commits()
        .groupBy('c.c', 'l.bucket')
        .select('c.c as leaf', 'l.bucket as bucket')
        .count({ samples: '*' }) as Promise<Array<Record<string, any>>>,
      // Few failed deployments: the cohorts' quantiles straight from their rows.
      quantilesOf(
        this.db,
        this.joinPairs(
          deployments()
            .where('d.failed', true)
            .whereNotNull('d.recovered_at'),
          cohortPairs,
          'd.service_ref',
        ).select(
          'c.c as cohort',
          this.db.raw('d.recovered_at - d.finished_at AS recovery'),
        ),
        { measures: ['recovery'], quantiles, groupBy: 'cohort' },
      ),
    ]);

    const leafBuckets = leaves.map(() => new Map<number, number>());
    for (const row of bucketCounts) {
      leafBuckets[Number(row.leaf)].set(num(row.bucket), num(row.samples));
    }
    const keys = [...cohorts.keys()];
    const cohortLeaves = keys.map((_, index) =>
      leaves.flatMap((leaf, l) => (leaf.cohorts.includes(index) ? [l] : [])),
    );
    const ranks = cohortLeaves.map(inCohort => {
      const sum = new Map<number, number>();
      for (const l of inCohort) {
        for (const [bucket, n] of leafBuckets[l]) {
          sum.set(bucket, (sum.get(bucket) ?? 0) + n);
        }
      }
      return new BucketRanks(sum);
    });
    // The values of the wanted buckets, per leaf then bucket, sorted when a cohort reads them.
    const wanted = new Set(ranks.flatMap(r => r.wantedBuckets(quantiles)));
    const leafValues = leaves.map(() => new Map<number, number[]>());
    if (wanted.size > 0) {
      const rows: Array<Record<string, any>> = await commits()
        .whereIn('l.bucket', [...wanted])
        .select('c.c as leaf', 'l.bucket as bucket', 'l.lead_ms as lead');
      for (const row of rows) {
        const values = leafValues[Number(row.leaf)];
        const bucket = num(row.bucket);
        const list = values.get(bucket) ?? [];
        list.push(num(row.lead));
        values.set(bucket, list);
      }
    }

    const entry = (index: number) => {
      const cohort = keys[index];
      const known = result.get(cohort);
      if (known) return known;
      const created: CohortAggregates = {
        deployments: 0,
        failedDeployments: 0,
        leadTime: noSamples(quantiles),
        recovery: noSamples(quantiles),
      };
      result.set(cohort, created);
      return created;
    };
    const leafCounts = new Map(counts.map(row => [Number(row.leaf), row]));
    cohortLeaves.forEach((inCohort, index) => {
      const rows = inCohort.flatMap(l => leafCounts.get(l) ?? []);
      if (rows.length > 0) {
        const e = entry(index);
        e.deployments = rows.reduce((n, r) => n + num(r.deployments), 0);
        e.failedDeployments = rows.reduce((n, r) => n + num(r.failed ?? 0), 0);
      }
      const r = ranks[index];
      if (r.samples === 0) return;
      const sorted = new Map<number, number[]>();
      const valuesOf = (bucket: number) => {
        let list = sorted.get(bucket);
        if (!list) {
          list = inCohort
            .flatMap(l => leafValues[l].get(bucket) ?? [])
            .sort((a, b) => a - b);
          sorted.set(bucket, list);
        }
        return list;
      };
      entry(index).leadTime = {
        samples: r.samples,
        values: quantiles.map(q => r.quantile(q, valuesOf)),
      };
    });
    for (const [cohort, q] of recoveries) {
      entry(Number(cohort)).recovery = q.recovery;
    }
    return result;
  }
}

/**
 * The services grouped by the set of cohorts they belong to: each service in exactly one leaf,
 * each cohort the union of some leaves.
 */
function leavesOf(
  cohorts: Map<string, string[]>,
): Array<{ cohorts: number[]; services: string[] }> {
  const membership = new Map<string, number[]>();
  [...cohorts.values()].forEach((services, index) => {
    for (const s of new Set(services)) {
      const list = membership.get(s) ?? [];
      list.push(index);
      membership.set(s, list);
    }
  });
  const leaves = new Map<string, { cohorts: number[]; services: string[] }>();
  for (const [service, inCohorts] of membership) {
    const key = inCohorts.join(',');
    const leaf = leaves.get(key) ?? { cohorts: inCohorts, services: [] };
    leaf.services.push(service);
    leaves.set(key, leaf);
  }
  return [...leaves.values()];
}
