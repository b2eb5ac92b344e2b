import { Knex } from 'knex';
import { CohortAggregates, ImpactStore } from './ImpactStore';
import { TimeWindow } from './DoraStore';
import { noSamples, quantilesOf } from './quantiles';
import { num } from './rows';

/**
 * Knex implementation of {@link ImpactStore}. The cohorts travel as one JSON parameter (service →
 * cohort pairs) joined to the facts ingest keeps, so each measure is one statement for all
 * cohorts, whatever their number of services.
 */
export class KnexImpactStore implements ImpactStore {
  private readonly isPg: boolean;

  constructor(private readonly db: Knex) {
    this.isPg = db.client.config.client === 'pg';
  }

  /**
   * `JOIN` of the cohort membership (alias `c`: `s` the service, `c` the cohort's position in
   * `cohorts`: any key travels safely, and a narrow integer sorts and groups fastest) on `column`.
   */
  private joinCohorts(
    query: Knex.QueryBuilder,
    cohorts: Map<string, string[]>,
    column: string,
  ) {
    const pairs = [...cohorts.values()].flatMap((services, index) =>
      services.map(s => ({ s, c: index })),
    );
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

  async cohortAggregates(
    cohorts: Map<string, string[]>,
    window: TimeWindow,
    quantiles: number[],
  ): Promise<Map<string, CohortAggregates>> {
    const result = new Map<string, CohortAggregates>();
    if (cohorts.size === 0) return result;
    const deployments = () =>
      this.joinCohorts(
        this.db('devex_deployments as d')
          .where('d.counted', true)
          .where('d.finished_at', '>=', window.from)
          .where('d.finished_at', '<', window.to),
        cohorts,
        'd.service_ref',
      );
    // Side by side: the answer takes as long as the slowest read.
    const [counts, leadTimes, recoveries] = await Promise.all([
      deployments()
        .groupBy('c.c')
        .select('c.c as cohort')
        .count({ deployments: '*' })
        .sum({
          failed: this.db.raw('CASE WHEN d.failed THEN 1 ELSE 0 END'),
        }) as Promise<Array<Record<string, any>>>,
      quantilesOf(
        this.db,
        this.joinCohorts(
          this.db('devex_deployment_commits as l')
            .whereNotNull('l.bucket')
            .where('l.deployed_at', '>=', window.from)
            .where('l.deployed_at', '<', window.to),
          cohorts,
          'l.service_ref',
        ).select('c.c as cohort', 'l.lead_ms as lead'),
        { measures: ['lead'], quantiles, groupBy: 'cohort' },
      ),
      quantilesOf(
        this.db,
        deployments()
          .where('d.failed', true)
          .whereNotNull('d.recovered_at')
          .select(
            'c.c as cohort',
            this.db.raw('d.recovered_at - d.finished_at AS recovery'),
          ),
        { measures: ['recovery'], quantiles, groupBy: 'cohort' },
      ),
    ]);
    const keys = [...cohorts.keys()];
    const entry = (position: string) => {
      const cohort = keys[Number(position)];
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
    for (const row of counts) {
      const e = entry(String(row.cohort));
      e.deployments = num(row.deployments);
      e.failedDeployments = num(row.failed ?? 0);
    }
    for (const [cohort, q] of leadTimes) entry(cohort).leadTime = q.lead;
    for (const [cohort, q] of recoveries) entry(cohort).recovery = q.recovery;
    return result;
  }
}
