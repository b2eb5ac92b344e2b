import { Knex } from 'knex';
import {
  DeploymentSummary,
  IncidentSummary,
  quantileOfSorted,
} from '@paved/plugin-devex-common';
import {
  DoraAggregates,
  DoraStore,
  ServiceScope,
  TimeWindow,
} from './DoraStore';
import { BucketRanks } from './bucketRanks';
import { chunks } from './bulkWrites';
import { splitByUtcDays } from './utcDays';
import { bool, iso, num, numOrNull } from './rows';

/**
 * Knex implementation of {@link DoraStore}: reads the facts derived at ingest, never raw events
 * joined at query time.
 */
export class KnexDoraStore implements DoraStore {
  constructor(private readonly db: Knex) {}

  async doraAggregates(
    scope: ServiceScope,
    window: TimeWindow,
  ): Promise<DoraAggregates> {
    const services = scope.services;
    const empty = services !== undefined && services.length === 0;
    const inScope = (qb: Knex.QueryBuilder, column: string) => {
      if (services)
        qb.whereIn(column, services.length ? services : ['\u0000none']);
      return qb;
    };

    // The four reads are independent: run them side by side so the answer takes as long as the
    // slowest one, not their sum.
    const noRows = Promise.resolve([] as Array<Record<string, any>>);
    const [perSource, leadTime, failures, unlinked] = await Promise.all([
      this.deploymentCounts(services, window),
      this.leadTime(services, window),
      empty
        ? noRows
        : (inScope(
            this.db('devex_deployments')
              .where('counted', true)
              .where('failed', true)
              .where('finished_at', '>=', window.from)
              .where('finished_at', '<', window.to)
              .select('finished_at', 'recovered_at'),
            'service_ref',
          ) as Promise<Array<Record<string, any>>>),
      empty
        ? noRows
        : (inScope(
            this.db('devex_incidents')
              .whereNull('deployment_id')
              .where('started_at', '>=', window.from)
              .where('started_at', '<', window.to)
              .select('started_at', 'resolved_at', 'source'),
            'service_ref',
          ) as Promise<Array<Record<string, any>>>),
    ]);
    let deployments = 0;
    let failedDeployments = 0;
    let reworkDeployments = 0;
    for (const row of perSource) {
      deployments += num(row.deployments);
      failedDeployments += num(row.failed ?? 0);
      reworkDeployments += num(row.rework ?? 0);
    }

    const recoveries: number[] = [];
    let openFailures = 0;
    for (const f of failures) {
      const recovered = numOrNull(f.recovered_at);
      if (recovered === null) openFailures += 1;
      else recoveries.push(Math.max(0, recovered - num(f.finished_at)));
    }
    recoveries.sort((a, b) => a - b);

    const restores: number[] = [];
    let openIncidents = 0;
    const sources = new Set<string>(perSource.map(r => String(r.source)));
    for (const i of unlinked) {
      sources.add(i.source);
      const resolved = numOrNull(i.resolved_at);
      if (resolved === null) openIncidents += 1;
      else restores.push(Math.max(0, resolved - num(i.started_at)));
    }
    restores.sort((a, b) => a - b);

    return {
      deployments,
      failedDeployments,
      reworkDeployments,
      leadTime,
      recovery: {
        median: quantileOfSorted(recoveries, 0.5),
        samples: recoveries.length,
        open: openFailures,
      },
      timeToRestore: {
        median: quantileOfSorted(restores, 0.5),
        samples: restores.length,
        open: openIncidents,
      },
      sources: [...sources].sort(),
    };
  }

  /** Per source: DORA deployments in the window, and how many failed or were rework. */
  private async deploymentCounts(
    services: string[] | undefined,
    window: TimeWindow,
  ): Promise<Array<Record<string, any>>> {
    if (services?.length === 0) return [];
    const countDeployments = (range: TimeWindow) => {
      const query = this.db('devex_deployments')
        .where('counted', true)
        .where('finished_at', '>=', range.from)
        .where('finished_at', '<', range.to)
        .groupBy('source')
        .select('source')
        .count({ deployments: '*' })
        .sum({ failed: this.db.raw('CASE WHEN failed THEN 1 ELSE 0 END') })
        .sum({ rework: this.db.raw('CASE WHEN rework THEN 1 ELSE 0 END') });
      if (services) query.whereIn('service_ref', services);
      return query as Promise<Array<Record<string, any>>>;
    };
    if (services) return countDeployments(window);

    // Organisation-wide: the daily rollup for whole UTC days, raw rows for the partial edges.
    const { wholeDays, partial } = splitByUtcDays(window);
    const parts = await Promise.all([
      wholeDays
        ? (this.db('devex_deployment_days')
            .where('day', '>=', wholeDays.first)
            .where('day', '<', wholeDays.end)
            .groupBy('source')
            .select('source')
            .sum({ deployments: 'deployments' })
            .sum({ failed: 'failed' })
            .sum({ rework: 'rework' }) as Promise<Array<Record<string, any>>>)
        : Promise.resolve([]),
      ...partial.map(countDeployments),
    ]);
    const bySource = new Map<string, Record<string, number | string>>();
    for (const row of parts.flat()) {
      const entry = bySource.get(row.source) ?? {
        source: row.source,
        deployments: 0,
        failed: 0,
        rework: 0,
      };
      entry.deployments = Number(entry.deployments) + num(row.deployments);
      entry.failed = Number(entry.failed) + num(row.failed ?? 0);
      entry.rework = Number(entry.rework) + num(row.rework ?? 0);
      bySource.set(row.source, entry);
    }
    return [...bySource.values()].filter(r => Number(r.deployments) > 0);
  }

  private async leadTime(
    services: string[] | undefined,
    window: TimeWindow,
  ): Promise<DoraAggregates['leadTime']> {
    if (!services) return this.organisationLeadTime(window);
    if (services.length === 0) return { median: null, p90: null, samples: 0 };
    return this.scopedLeadTime(services, window);
  }

  private async scopedLeadTime(services: string[], window: TimeWindow) {
    const values: number[] = [];
    for (const batch of chunks(services)) {
      const rows = await this.db('devex_deployment_commits')
        .whereIn('service_ref', batch)
        .whereNotNull('bucket')
        .where('deployed_at', '>=', window.from)
        .where('deployed_at', '<', window.to)
        .select('lead_ms');
      for (const r of rows) values.push(num(r.lead_ms));
    }
    values.sort((a, b) => a - b);
    return {
      median: quantileOfSorted(values, 0.5),
      p90: quantileOfSorted(values, 0.9),
      samples: values.length,
    };
  }

  /**
   * Exact organisation-wide quantiles without sorting every sample: bucket counts come from the
   * daily histogram (whole UTC days) plus the raw rows of the partial days at the window's edges;
   * then only the bucket holding each wanted rank is read.
   */
  private async organisationLeadTime(window: TimeWindow) {
    const { wholeDays, partial } = splitByUtcDays(window);
    const counts = new Map<number, number>();
    const add = (bucket: number, n: number) =>
      counts.set(bucket, (counts.get(bucket) ?? 0) + n);
    const counted: Array<Array<Record<string, any>>> = await Promise.all([
      wholeDays
        ? this.db('devex_lead_time_histogram')
            .where('day', '>=', wholeDays.first)
            .where('day', '<', wholeDays.end)
            .groupBy('bucket')
            .select('bucket')
            .sum({ samples: 'samples' })
        : Promise.resolve([]),
      ...partial.map(range =>
        this.db('devex_deployment_commits')
          .whereNotNull('bucket')
          .where('deployed_at', '>=', range.from)
          .where('deployed_at', '<', range.to)
          .groupBy('bucket')
          .select('bucket')
          .count({ samples: '*' }),
      ),
    ]);
    for (const rows of counted) {
      for (const r of rows) add(num(r.bucket), num(r.samples));
    }

    const ranks = new BucketRanks(counts);
    if (ranks.samples === 0) return { median: null, p90: null, samples: 0 };
    const fetched = await Promise.all(
      ranks.wantedBuckets([0.5, 0.9]).map(async bucket => {
        const rows = await this.db('devex_deployment_commits')
          .where('bucket', bucket)
          .where('deployed_at', '>=', window.from)
          .where('deployed_at', '<', window.to)
          .select('lead_ms');
        return [
          bucket,
          rows.map(r => num(r.lead_ms)).sort((a, b) => a - b),
        ] as const;
      }),
    );
    const bucketValues = new Map<number, number[]>(fetched);
    const quantileAt = (q: number) =>
      ranks.quantile(q, bucket => bucketValues.get(bucket));
    return {
      median: quantileAt(0.5),
      p90: quantileAt(0.9),
      samples: ranks.samples,
    };
  }

  async listDeployments(
    scope: ServiceScope,
    options: { limit: number; environment?: string },
  ): Promise<DeploymentSummary[]> {
    if (scope.services && scope.services.length === 0) return [];
    const query = this.db('devex_deployments')
      .orderBy('finished_at', 'desc')
      .limit(options.limit)
      .select('*');
    if (scope.services) query.whereIn('service_ref', scope.services);
    if (options.environment) query.where('environment', options.environment);
    const rows = await query;
    return rows.map(r => ({
      source: r.source,
      id: r.event_id,
      service: r.service_ref,
      environment: r.environment,
      status: r.status,
      finishedAt: iso(num(r.finished_at)),
      startedAt: r.started_at === null ? null : iso(num(r.started_at)),
      kind: r.kind,
      remediates: r.remediates,
      commits: num(r.commit_count),
      failed: bool(r.failed),
      recoveredAt: r.recovered_at === null ? null : iso(num(r.recovered_at)),
      rework: bool(r.rework) && bool(r.counted),
      demo: bool(r.demo),
    }));
  }

  async listIncidents(
    scope: ServiceScope,
    options: { limit: number },
  ): Promise<IncidentSummary[]> {
    if (scope.services && scope.services.length === 0) return [];
    const query = this.db('devex_incidents')
      .orderBy('started_at', 'desc')
      .limit(options.limit)
      .select('*');
    if (scope.services) query.whereIn('service_ref', scope.services);
    const rows = await query;
    return rows.map(r => ({
      source: r.source,
      id: r.event_id,
      service: r.service_ref,
      startedAt: iso(num(r.started_at)),
      resolvedAt: r.resolved_at === null ? null : iso(num(r.resolved_at)),
      deploymentId: r.deployment_id,
      severity: r.severity,
      demo: bool(r.demo),
    }));
  }

  async firstProductionDeployments(
    services: string[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const batch of chunks(services)) {
      const rows: Array<Record<string, any>> = await this.db(
        'devex_deployments',
      )
        .where('counted', true)
        .whereIn('service_ref', batch)
        .groupBy('service_ref')
        .select('service_ref')
        .min({ first: 'finished_at' });
      for (const r of rows) result.set(r.service_ref, num(r.first));
    }
    return result;
  }
}
