import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  canTransitionOperation,
  DatabaseOperation,
  DatabaseOperationParameters,
  DatabaseOperationPhase,
  DatabaseOperationStatus,
  DatabaseOperationType,
  DatabaseSnapshot,
  FINAL_DATABASE_OPERATION_STATUSES,
} from '@paved/plugin-provisioning-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  ClaimedDatabaseOperation,
  DatabaseOperationStore,
  NewDatabaseOperation,
  NewDatabaseSnapshot,
  OperationTransitionOptions,
  StoredDatabaseSnapshot,
} from './DatabaseOperationStore';
import { RescheduleUpdate, RowLeases } from './leases';
import { optionalDate, RequestRow, rowToRequest, toDate } from './rows';

const OPERATIONS = 'provisioning_operations';
const IDEMPOTENCY = 'provisioning_operation_idempotency_keys';
const SNAPSHOTS = 'provisioning_snapshots';
const REQUESTS = 'provisioning_requests';
const EVENTS = 'provisioning_request_events';

type OperationRow = {
  monthly_cost?: number | string | null;
  cost_change?: number | string | null;
  cost_currency?: string | null;
  id: string;
  request_id: string;
  type: string;
  status: string;
  phase: string | null;
  parameters: string;
  requested_by: string;
  approval_required: boolean | number;
  approval_reasons: string | null;
  planned_change: string | null;
  result: string | null;
  failure_reason: string | null;
  attempts: number;
  next_attempt_at: Date | string | number | null;
  failing_since?: Date | string | number | null;
  lease_owner: string | null;
  lease_expires_at: Date | string | number | null;
  created_at: Date | string | number;
  updated_at: Date | string | number;
};

type SnapshotRow = {
  id: string;
  request_id: string;
  operation_id: string;
  kind: string;
  label: string | null;
  location: string;
  size_bytes: number | string;
  created_at: Date | string | number;
  expires_at: Date | string | number;
  deleted_at: Date | string | number | null;
};

function rowToOperation(row: OperationRow): DatabaseOperation {
  const reasons: string[] = row.approval_reasons
    ? JSON.parse(row.approval_reasons)
    : [];
  return {
    id: row.id,
    requestId: row.request_id,
    type: row.type as DatabaseOperationType,
    status: row.status as DatabaseOperationStatus,
    ...(row.phase ? { phase: row.phase as DatabaseOperationPhase } : {}),
    parameters: JSON.parse(row.parameters) as DatabaseOperationParameters,
    requestedBy: row.requested_by,
    approvalRequired: Boolean(row.approval_required),
    ...(reasons.length ? { approvalReasons: reasons } : {}),
    ...(row.planned_change ? { plannedChange: row.planned_change } : {}),
    ...(row.result ? { result: JSON.parse(row.result) } : {}),
    ...(row.failure_reason ? { failureReason: row.failure_reason } : {}),
    ...(row.monthly_cost !== null &&
    row.monthly_cost !== undefined &&
    row.cost_currency
      ? {
          cost: {
            monthly: Number(row.monthly_cost),
            currency: row.cost_currency,
            change: Number(row.cost_change ?? 0),
          },
        }
      : {}),
    createdAt: toDate(row.created_at).toISOString(),
    updatedAt: toDate(row.updated_at).toISOString(),
  };
}

function rowToSnapshot(row: SnapshotRow): StoredDatabaseSnapshot {
  return {
    id: row.id,
    requestId: row.request_id,
    operationId: row.operation_id,
    kind: row.kind as DatabaseSnapshot['kind'],
    ...(row.label ? { label: row.label } : {}),
    sizeBytes: Number(row.size_bytes),
    createdAt: toDate(row.created_at).toISOString(),
    expiresAt: toDate(row.expires_at).toISOString(),
    location: row.location,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    /^SQLITE_CONSTRAINT/.test(e?.code ?? '') ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/** {@link DatabaseOperationStore} on knex, in the tables of the provisioning plugin's migrations. */
export class KnexDatabaseOperationStore implements DatabaseOperationStore {
  private readonly leases: RowLeases;

  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.leases = new RowLeases(db, OPERATIONS, now, query =>
      query.where('status', 'in-progress'),
    );
  }

  private get isPostgres(): boolean {
    return this.db.client.config.client === 'pg';
  }

  async createOperation(
    input: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
  ): Promise<{ operation: DatabaseOperation; created: boolean }> {
    try {
      return await this.db.transaction(tx =>
        this.createInTransaction(tx, input, options),
      );
    } catch (error) {
      if (options.idempotency && isUniqueViolation(error)) {
        const existing = await this.findByIdempotencyKey(
          this.db,
          input,
          options.idempotency,
        );
        if (existing) return { operation: existing, created: false };
      }
      throw error;
    }
  }

  private async createInTransaction(
    tx: Knex.Transaction,
    input: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
  ): Promise<{ operation: DatabaseOperation; created: boolean }> {
    // The request row is the lock: operations on one request are admitted one at a time (on
    // SQLite the single writer connection serialises them already).
    const requestQuery = tx<RequestRow>(REQUESTS).where({
      id: input.requestId,
    });
    const request = this.isPostgres
      ? await requestQuery.forUpdate().first()
      : await requestQuery.first();
    if (!request) {
      throw new NotFoundError(`No database request with id ${input.requestId}`);
    }
    if (options.idempotency) {
      const existing = await this.findByIdempotencyKey(
        tx,
        input,
        options.idempotency,
      );
      if (existing) return { operation: existing, created: false };
    }
    if (request.status !== 'ready') {
      throw new ConflictError(
        `Request ${input.requestId} is ${request.status}; operations need a ready database`,
      );
    }
    // One change at a time; a rotation in its grace period only blocks another rotation.
    const running = await tx(OPERATIONS)
      .where({ request_id: input.requestId })
      .whereNotIn('status', FINAL_DATABASE_OPERATION_STATUSES)
      .where(q => {
        q.whereNull('phase').orWhereNot('phase', 'grace');
        if (input.parameters.type === 'rotate-credentials') {
          q.orWhere('type', 'rotate-credentials');
        }
      })
      .first('id', 'type', 'status');
    if (running) {
      throw new ConflictError(
        `Request ${input.requestId} has operation ${running.id} (${running.type}, ${running.status}) not finished yet; one operation at a time`,
      );
    }

    const id = uuid();
    const now = this.now();
    const status: DatabaseOperationStatus = input.approvalRequired
      ? 'awaiting-approval'
      : 'in-progress';
    await tx(OPERATIONS).insert({
      id,
      request_id: input.requestId,
      type: input.parameters.type,
      status,
      phase: status === 'in-progress' ? 'apply' : null,
      parameters: JSON.stringify(input.parameters),
      requested_by: input.requestedBy,
      approval_required: input.approvalRequired,
      approval_reasons: input.approvalReasons.length
        ? JSON.stringify(input.approvalReasons)
        : null,
      planned_change: input.plannedChange ?? null,
      monthly_cost: input.cost?.monthly ?? null,
      cost_change: input.cost?.change ?? null,
      cost_currency: input.cost?.currency ?? null,
      attempts: 0,
      created_at: now,
      updated_at: now,
    });
    await tx(EVENTS).insert({
      request_id: input.requestId,
      operation_id: id,
      actor: input.requestedBy,
      action: `${input.parameters.type}-requested`,
      from_status: null,
      to_status: null,
      message: input.approvalRequired
        ? `Needs an approval: ${input.approvalReasons.join(', ')}`
        : null,
      created_at: now,
    });
    if (options.idempotency) {
      await tx(IDEMPOTENCY).insert({
        requested_by: input.requestedBy,
        request_id: input.requestId,
        key: options.idempotency.key,
        operation_id: id,
        body_hash: options.idempotency.bodyHash,
        created_at: now,
      });
    }
    const row = await tx<OperationRow>(OPERATIONS).where({ id }).first();
    return { operation: rowToOperation(row!), created: true };
  }

  private async findByIdempotencyKey(
    db: Knex,
    input: NewDatabaseOperation,
    idempotency: { key: string; bodyHash: string },
  ): Promise<DatabaseOperation | undefined> {
    const entry = await db(IDEMPOTENCY)
      .where({
        requested_by: input.requestedBy,
        request_id: input.requestId,
        key: idempotency.key,
      })
      .first();
    if (!entry) return undefined;
    if (entry.body_hash !== idempotency.bodyHash) {
      throw new ConflictError(
        `Idempotency-Key "${idempotency.key}" was already used with a different operation body`,
      );
    }
    const row = await db<OperationRow>(OPERATIONS)
      .where({ id: entry.operation_id })
      .first();
    return row ? rowToOperation(row) : undefined;
  }

  async getOperation(id: string): Promise<DatabaseOperation | undefined> {
    const row = await this.db<OperationRow>(OPERATIONS).where({ id }).first();
    return row ? rowToOperation(row) : undefined;
  }

  async listOperations(requestId: string): Promise<DatabaseOperation[]> {
    const rows = await this.db<OperationRow>(OPERATIONS)
      .where({ request_id: requestId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(rowToOperation);
  }

  async listAwaitingApproval(): Promise<DatabaseOperation[]> {
    const rows = await this.db<OperationRow>(OPERATIONS)
      .where({ status: 'awaiting-approval' })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(rowToOperation);
  }

  async transition(
    id: string,
    options: OperationTransitionOptions & { nextAttemptAt?: Date },
  ) {
    return this.db.transaction(async tx => {
      const row = await tx<OperationRow>(OPERATIONS).where({ id }).first();
      if (!row) throw new NotFoundError(`No operation with id ${id}`);
      const from = row.status as DatabaseOperationStatus;
      if (options.from && !options.from.includes(from)) {
        throw new ConflictError(
          `Cannot ${
            options.action
          } operation ${id}: it is ${from}, expected ${options.from.join(
            ' or ',
          )}`,
        );
      }
      // Staying in a status is a change of phase (in-progress: apply → grace), not a transition.
      if (from !== options.to && !canTransitionOperation(from, options.to)) {
        throw new ConflictError(
          `Cannot ${options.action} operation ${id}: no transition from ${from} to ${options.to}`,
        );
      }
      if (options.leaseOwner && row.lease_owner !== options.leaseOwner) {
        throw new ConflictError(
          `Cannot ${options.action} operation ${id}: the processing lease was lost`,
        );
      }
      const now = this.now();
      const final = FINAL_DATABASE_OPERATION_STATUSES.includes(options.to);
      const update: Record<string, unknown> = {
        status: options.to,
        phase: final ? null : options.phase ?? row.phase ?? 'apply',
        updated_at: now,
        attempts: 0,
        failing_since: null,
        next_attempt_at: options.nextAttemptAt ?? null,
      };
      if (options.result !== undefined) {
        update.result = JSON.stringify({
          ...(row.result ? JSON.parse(row.result) : {}),
          ...options.result,
        });
      }
      if (options.failureReason !== undefined) {
        update.failure_reason = options.failureReason;
      }
      if (final) {
        update.lease_owner = null;
        update.lease_expires_at = null;
      }
      const changed = await tx(OPERATIONS)
        .where({ id, status: from, phase: row.phase })
        .update(update);
      if (changed !== 1) {
        throw new ConflictError(
          `Cannot ${options.action} operation ${id}: it changed concurrently`,
        );
      }

      const requestChanges: Record<string, unknown> = {};
      const change = options.requestUpdate;
      if (change?.size !== undefined) requestChanges.size = change.size;
      if (change?.storageGB !== undefined)
        requestChanges.storage_gb = change.storageGB;
      // A resize moves the database's cost to what the operation was priced at.
      if (
        (change?.size !== undefined || change?.storageGB !== undefined) &&
        row.monthly_cost !== null &&
        row.monthly_cost !== undefined &&
        row.cost_currency
      ) {
        requestChanges.monthly_cost = row.monthly_cost;
        requestChanges.cost_currency = row.cost_currency;
      }
      if (change?.outputs !== undefined)
        requestChanges.outputs = JSON.stringify(change.outputs);
      if (change?.expiresAt !== undefined) {
        requestChanges.expires_at = change.expiresAt;
        // A new expiry gets its own warnings.
        requestChanges.expiry_notified_at = null;
      }
      if (Object.keys(requestChanges).length) {
        requestChanges.updated_at = now;
        await tx(REQUESTS).where({ id: row.request_id }).update(requestChanges);
      }
      await tx(EVENTS).insert({
        request_id: row.request_id,
        operation_id: id,
        actor: options.actor,
        action: `${row.type}-${options.action}`,
        from_status: null,
        to_status: null,
        message: options.message ?? options.failureReason ?? null,
        created_at: now,
      });
      const updated = await tx<OperationRow>(OPERATIONS).where({ id }).first();
      const request = await tx<RequestRow>(REQUESTS)
        .where({ id: row.request_id })
        .first();
      return {
        operation: rowToOperation(updated!),
        request: rowToRequest(request!),
      };
    });
  }

  async appendEvent(
    operation: Pick<DatabaseOperation, 'id' | 'requestId'>,
    event: { actor: string; action: string; message?: string },
  ): Promise<void> {
    await this.db(EVENTS).insert({
      request_id: operation.requestId,
      operation_id: operation.id,
      actor: event.actor,
      action: event.action,
      from_status: null,
      to_status: null,
      message: event.message ?? null,
      created_at: this.now(),
    });
  }

  async claimDue(options: {
    owner: string;
    leaseMs: number;
    limit: number;
    ids?: string[];
  }): Promise<ClaimedDatabaseOperation[]> {
    const ids = await this.leases.claim(options);
    if (ids.length === 0) return [];
    const rows = await this.db<OperationRow>(OPERATIONS)
      .whereIn('id', ids)
      .where({ lease_owner: options.owner })
      .orderBy('updated_at', 'asc');
    return rows.map(row => ({
      ...rowToOperation(row),
      processing: {
        attempts: Number(row.attempts),
        nextAttemptAt: optionalDate(row.next_attempt_at),
        failingSince: optionalDate(row.failing_since ?? null),
      },
      lease: {
        owner: options.owner,
        expiresAt: toDate(row.lease_expires_at!),
      },
    }));
  }

  renewLease(id: string, leaseOwner: string, leaseMs: number) {
    return this.leases.renew(id, leaseOwner, leaseMs);
  }

  async reschedule(
    operation: Pick<DatabaseOperation, 'id' | 'requestId'>,
    leaseOwner: string,
    update: RescheduleUpdate,
    event?: { actor: string; action: string; message?: string },
  ): Promise<boolean> {
    return this.leases.reschedule(
      operation.id,
      leaseOwner,
      update,
      event && {
        table: EVENTS,
        row: {
          request_id: operation.requestId,
          operation_id: operation.id,
          actor: event.actor,
          action: event.action,
          from_status: null,
          to_status: null,
          message: event.message ?? null,
        },
      },
    );
  }

  async releaseLease(id: string, leaseOwner: string): Promise<void> {
    await this.leases.release(id, leaseOwner);
  }

  async addSnapshot(
    snapshot: NewDatabaseSnapshot,
  ): Promise<StoredDatabaseSnapshot> {
    await this.db(SNAPSHOTS)
      .insert({
        id: snapshot.id,
        request_id: snapshot.requestId,
        operation_id: snapshot.operationId,
        kind: snapshot.kind,
        label: snapshot.label ?? null,
        location: snapshot.location,
        size_bytes: snapshot.sizeBytes,
        created_at: this.now(),
        expires_at: snapshot.expiresAt,
      })
      .onConflict('id')
      .ignore();
    return (await this.getSnapshot(snapshot.id))!;
  }

  async getSnapshot(id: string): Promise<StoredDatabaseSnapshot | undefined> {
    const row = await this.db<SnapshotRow>(SNAPSHOTS)
      .where({ id })
      .whereNull('deleted_at')
      .first();
    return row ? rowToSnapshot(row) : undefined;
  }

  async listSnapshots(requestId: string): Promise<StoredDatabaseSnapshot[]> {
    const rows = await this.db<SnapshotRow>(SNAPSHOTS)
      .where({ request_id: requestId })
      .whereNull('deleted_at')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(rowToSnapshot);
  }

  async listRemovableSnapshots(now: Date): Promise<StoredDatabaseSnapshot[]> {
    const rows = await this.db<SnapshotRow>(SNAPSHOTS)
      .whereNull('deleted_at')
      .where(q =>
        q
          .where('expires_at', '<=', now)
          .orWhereIn(
            'request_id',
            this.db(REQUESTS)
              .select('id')
              .whereIn('status', ['deleted', 'expired', 'rejected']),
          ),
      )
      .orderBy('created_at', 'asc')
      .limit(100);
    return rows.map(rowToSnapshot);
  }

  async markSnapshotDeleted(id: string): Promise<void> {
    await this.db(SNAPSHOTS)
      .where({ id })
      .whereNull('deleted_at')
      .update({ deleted_at: this.now() });
  }
}
