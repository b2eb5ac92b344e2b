import { Knex } from 'knex';
import { TimeWindow } from './DoraStore';
import {
  AvailabilityProbeResult,
  AvailabilityStore,
} from './AvailabilityStore';
import { num } from './rows';

/** Knex implementation of {@link AvailabilityStore} for PostgreSQL and SQLite. */
export class KnexAvailabilityStore implements AvailabilityStore {
  constructor(private readonly db: Knex) {}

  async recordProbe(probe: AvailabilityProbeResult): Promise<void> {
    await this.db('devex_availability_probes')
      .insert({
        minute: probe.minute,
        up: probe.up,
        status_code: probe.statusCode,
        latency_ms: probe.latencyMs,
        probed_at: probe.probedAt,
      })
      .onConflict('minute')
      .merge();
  }

  async firstProbeMinute(): Promise<number | null> {
    const [row] = await this.db('devex_availability_probes').min({
      first: 'minute',
    });
    return row?.first === null || row?.first === undefined
      ? null
      : num(row.first);
  }

  async probeCounts(window: TimeWindow) {
    const [row] = await this.db('devex_availability_probes')
      .where('minute', '>=', window.from)
      .andWhere('minute', '<', window.to)
      .count({ probed: '*' })
      .sum({ up: this.db.raw('CASE WHEN up THEN 1 ELSE 0 END') });
    return { probed: num(row.probed), up: num(row.up ?? 0) };
  }

  async forgetProbesBefore(minute: number): Promise<void> {
    await this.db('devex_availability_probes')
      .where('minute', '<', minute)
      .delete();
  }
}
