import { Knex } from 'knex';
import { randomBytes } from 'crypto';
import { TimeWindow } from './DoraStore';
import {
  PlatformMeasuresStore,
  ProvisioningActorKind,
  ProvisioningPeriod,
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
      // Failed before it was ever ready: the provisioning failed (not a later deprovisioning).
      const failedAt =
        previous?.failed_at !== null && previous?.failed_at !== undefined
          ? Math.min(
              num(previous.failed_at),
              change.status === 'failed' ? change.occurredAt : Infinity,
            )
          : change.status === 'failed'
          ? change.occurredAt
          : null;
      // Events can arrive out of order; the latest state is the one with the latest time.
      const newer = !previous || num(previous.updated_at) <= change.occurredAt;
      await tx('devex_provisioning_requests')
        .insert({
          request_id: change.requestId,
          state: newer ? change.status : previous.state,
          human_step: humanStep,
          updated_at: newer ? change.occurredAt : num(previous.updated_at),
          fulfilled_at: fulfilledAt,
          failed_at: failedAt,
          automated,
        })
        .onConflict('request_id')
        .merge();
      if (change.action) {
        await tx('devex_provisioning_actions')
          .insert({
            request_id: change.requestId,
            action: change.action.name,
            occurred_at: change.occurredAt,
            status: change.status,
            actor_kind: change.action.actorKind,
          })
          .onConflict(['request_id', 'action', 'occurred_at'])
          .ignore();
      }
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

  async provisioningPeriod(window: TimeWindow): Promise<ProvisioningPeriod> {
    const inWindow = (column: string) =>
      this.db.raw(
        `CASE WHEN ${column} >= ? AND ${column} < ? THEN 1 ELSE 0 END`,
        [window.from, window.to],
      );
    // A request's outcome is the first of ready and failed; failing after ready is a later
    // operation (deprovisioning), not a failed provisioning.
    const [outcomes] = await this.db('devex_provisioning_requests')
      .where(q =>
        q
          .whereBetween('fulfilled_at', [window.from, window.to - 1])
          .orWhereBetween('failed_at', [window.from, window.to - 1]),
      )
      .sum({ succeeded: inWindow('fulfilled_at') })
      .sum({
        automated: this.db.raw(
          `CASE WHEN fulfilled_at >= ? AND fulfilled_at < ? AND automated THEN 1 ELSE 0 END`,
          [window.from, window.to],
        ),
      })
      .sum({
        failed: this.db.raw(
          `CASE WHEN failed_at >= ? AND failed_at < ? AND (fulfilled_at IS NULL OR fulfilled_at > failed_at) THEN 1 ELSE 0 END`,
          [window.from, window.to],
        ),
      });
    const byActor = await this.db('devex_provisioning_actions')
      .where('occurred_at', '>=', window.from)
      .andWhere('occurred_at', '<', window.to)
      .select('actor_kind')
      .count({ n: '*' })
      .groupBy('actor_kind');
    const actions: Record<ProvisioningActorKind, number> = {
      platform: 0,
      requester: 0,
      person: 0,
    };
    for (const row of byActor as Array<{ actor_kind: string; n: unknown }>) {
      actions[row.actor_kind as ProvisioningActorKind] = num(row.n);
    }
    const succeeded = num(outcomes?.succeeded ?? 0);
    const automated = num(outcomes?.automated ?? 0);
    return {
      succeeded,
      failed: num(outcomes?.failed ?? 0),
      automated,
      manual: succeeded - automated,
      actions,
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
