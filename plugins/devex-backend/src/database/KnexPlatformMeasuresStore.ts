import { Knex } from 'knex';
import { randomBytes } from 'crypto';
import {
  PlatformMeasuresStore,
  ProvisioningRequestChange,
  ServiceCreation,
} from './PlatformMeasuresStore';
import { bool, num } from './rows';

/** Knex implementation of {@link PlatformMeasuresStore} for PostgreSQL and SQLite. */
export class KnexPlatformMeasuresStore implements PlatformMeasuresStore {
  constructor(private readonly db: Knex) {}

  async recordServiceCreation(creation: ServiceCreation): Promise<void> {
    const row = {
      entity_ref: creation.entityRef.toLocaleLowerCase('en-US'),
      template_ref: creation.templateRef,
      template_version: creation.templateVersion,
      created_at: creation.createdAt,
      origin: creation.origin,
    };
    const insert = this.db('devex_service_creations').insert(row);
    if (creation.origin === 'golden-path') {
      await insert.onConflict('entity_ref').merge();
    } else {
      await insert.onConflict('entity_ref').ignore();
    }
  }

  async listServiceCreations(): Promise<ServiceCreation[]> {
    const rows = await this.db('devex_service_creations').select('*');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      templateRef: r.template_ref,
      templateVersion: r.template_version ?? null,
      createdAt: num(r.created_at),
      origin: r.origin,
    }));
  }

  async recordProvisioningRequest(
    change: ProvisioningRequestChange,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const previous = await tx('devex_provisioning_requests')
        .where('request_id', change.requestId)
        .first();
      // Once a person had to act, the request is not self-service, whatever happens later.
      const humanStep =
        change.humanStep || (previous ? bool(previous.human_step) : false);
      // How the request reached `ready` decides, at that moment: deleting it later changes nothing.
      const reachesReady = change.status === 'ready';
      const times = [
        previous?.fulfilled_at ? num(previous.fulfilled_at) : Infinity,
        reachesReady ? change.occurredAt : Infinity,
      ];
      const firstReady = Math.min(...times);
      const fulfilledAt = Number.isFinite(firstReady) ? firstReady : null;
      const automated =
        (previous ? bool(previous.automated) : false) ||
        (reachesReady && !change.humanStep);
      // Events can arrive out of order; the latest state is the one with the latest time.
      const newer = !previous || num(previous.updated_at) <= change.occurredAt;
      await tx('devex_provisioning_requests')
        .insert({
          request_id: change.requestId,
          state: newer ? change.status : previous.state,
          human_step: humanStep,
          updated_at: newer ? change.occurredAt : num(previous.updated_at),
          fulfilled_at: fulfilledAt,
          automated,
        })
        .onConflict('request_id')
        .merge();
    });
  }

  async provisioningCounts() {
    const [row] = await this.db('devex_provisioning_requests')
      .count({ total: '*' })
      .sum({
        automated: this.db.raw('CASE WHEN automated THEN 1 ELSE 0 END'),
      })
      .sum({
        fulfilled: this.db.raw(
          'CASE WHEN fulfilled_at IS NOT NULL THEN 1 ELSE 0 END',
        ),
      });
    return {
      total: num(row.total),
      automated: num(row.automated ?? 0),
      fulfilled: num(row.fulfilled ?? 0),
    };
  }

  async installationKey(name: string): Promise<string> {
    await this.db('devex_installation_keys')
      .insert({ name, value: randomBytes(32).toString('hex') })
      .onConflict('name')
      .ignore();
    const row = await this.db('devex_installation_keys')
      .where({ name })
      .first();
    return row.value;
  }
}
