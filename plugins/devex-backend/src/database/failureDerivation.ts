import { Knex } from 'knex';
import { bulkUpdate, chunks, Dialect } from './bulkWrites';
import { DayContribution, IngestChanges, key } from './ingestChanges';
import { dayOf } from './utcDays';
import { bool, num, numOrNull } from './rows';

interface FailureChange {
  source: string;
  id: string;
  failed: boolean;
  recoveredAt: number | null;
}

/** A stored deployment row's share of the daily rollup. */
export function dayContribution(
  row: Record<string, unknown>,
): DayContribution | null {
  if (!bool(row.counted)) return null;
  return {
    day: dayOf(num(row.finished_at)),
    source: String(row.source),
    rework: bool(row.rework),
    failed: bool(row.failed),
  };
}

/**
 * Failure and recovery of deployments, derived at ingest from the incidents that name them and
 * the deployments that remediate them.
 */
export class FailureDerivation {
  constructor(
    private readonly tx: Knex.Transaction,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Re-derives failure and recovery of the affected deployments from the incidents that name them
   * and the deployments that remediate them (either may arrive before the deployment itself), and
   * records how each one's share of the daily rollup changes.
   */
  async deriveFailures(changes: IngestChanges) {
    for (const batch of chunks(
      [...changes.affectedDeployments.values()],
      this.dialect.pairChunk,
    )) {
      const pairs = batch.map(a => [a.source, a.id]);
      const deployments: Array<Record<string, any>> = await this.dialect.pairs(
        this.tx('devex_deployments').select(
          'source',
          'event_id',
          'service_ref',
          'finished_at',
          'counted',
          'rework',
          'failed',
          'recovered_at',
        ),
        ['source', 'event_id'],
        pairs,
      );
      if (deployments.length === 0) continue;
      const present = deployments.map(d => [d.source, d.event_id]);
      const [remediations, incidents] = await Promise.all([
        this.dialect.pairs(
          this.tx('devex_deployments')
            .select(
              'source',
              'remediates',
              'service_ref',
              'finished_at',
              'counted',
            )
            .whereNotNull('remediates'),
          ['source', 'remediates'],
          present,
        ),
        this.dialect.pairs(
          this.tx('devex_incidents').select(
            'source',
            'deployment_id',
            'service_ref',
            'resolved_at',
          ),
          ['source', 'deployment_id'],
          present,
        ),
      ]);

      const fixes = new Map<
        string,
        { any: boolean; firstFix: number | null }
      >();
      // A link counts only within one service: an event about one service cannot fail another's
      // deployment by naming its id.
      const link = (source: string, id: string, service: string) =>
        key(key(source, id), service);
      for (const r of remediations) {
        const k = link(r.source, r.remediates, r.service_ref);
        const entry = fixes.get(k) ?? { any: false, firstFix: null };
        entry.any = true;
        // Only a remediation that reached production successfully ends the failure.
        if (bool(r.counted)) {
          const at = num(r.finished_at);
          entry.firstFix =
            entry.firstFix === null ? at : Math.min(entry.firstFix, at);
        }
        fixes.set(k, entry);
      }
      const linked = new Map<
        string,
        { count: number; open: number; lastResolved: number }
      >();
      for (const i of incidents) {
        const k = link(i.source, i.deployment_id, i.service_ref);
        const entry = linked.get(k) ?? {
          count: 0,
          open: 0,
          lastResolved: -Infinity,
        };
        entry.count += 1;
        const resolved = numOrNull(i.resolved_at);
        if (resolved === null) entry.open += 1;
        else entry.lastResolved = Math.max(entry.lastResolved, resolved);
        linked.set(k, entry);
      }

      const failureChanges: FailureChange[] = [];
      for (const d of deployments) {
        const k = link(d.source, d.event_id, d.service_ref);
        const fix = fixes.get(k);
        const incident = linked.get(k);
        const counted = bool(d.counted);
        const failed = counted && (Boolean(fix?.any) || Boolean(incident));
        let recoveredAt: number | null = null;
        if (failed) {
          const candidates: number[] = [];
          if (fix?.firstFix !== null && fix?.firstFix !== undefined)
            candidates.push(fix.firstFix);
          if (incident && incident.open === 0)
            candidates.push(incident.lastResolved);
          if (candidates.length > 0) recoveredAt = Math.min(...candidates);
        }
        changes.recordContribution(
          { source: d.source, id: d.event_id },
          {
            before: dayContribution(d),
            after: dayContribution({ ...d, failed }),
          },
        );
        if (
          bool(d.failed) !== failed ||
          numOrNull(d.recovered_at) !== recoveredAt
        ) {
          failureChanges.push({
            source: d.source,
            id: d.event_id,
            failed,
            recoveredAt,
          });
        }
      }
      await this.updateFailures(failureChanges);
    }
  }

  private async updateFailures(changes: FailureChange[]) {
    await bulkUpdate(
      this.tx,
      this.dialect.isPg,
      'devex_deployments',
      { source: 'text', event_id: 'text' },
      { failed: 'boolean', recovered_at: 'bigint' },
      changes.map(c => ({
        source: c.source,
        event_id: c.id,
        failed: c.failed,
        recovered_at: c.recoveredAt,
      })),
    );
  }
}
