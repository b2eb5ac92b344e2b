import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  canTransitionOperation,
  DatabaseOperation,
  DatabaseOperationStatus,
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
import { ClaimOptions, RescheduleUpdate, RowLeases } from './leases';
import {
  OperationRow,
  RequestRow,
  rowToClaimedOperation,
  rowToOperation,
  rowToRequest,
  rowToSnapshot,
  SnapshotRow,
  storedCost,
} from './rows';
import { HISTORY, HistoryEntry, historyRow } from './history';
import {
  assertTransition,
  assertUpdated,
  createOnce,
  idempotencyEntry,
  lockedRows,
} from './concurrency';

const OPERATIONS = 'provisioning_operations';
const IDEMPOTENCY = 'provisioning_operation_idempotency_keys';
const SNAPSHOTS = 'provisioning_snapshots';
const REQUESTS = 'provisioning_requests';

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

  async createOperation(
    input: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
  ): Promise<{ operation: DatabaseOperation; created: boolean }> {
    const { idempotency } = options;
    return createOnce(
      this.db,
      idempotency !== undefined,
      tx => this.createInTransaction(tx, input, options),
      async () => {
        const existing = await this.findByIdempotencyKey(
          this.db,
          input,
          idempotency!,
        );
        return existing && { operation: existing, created: false };
      },
    );
  }

  private async createInTransaction(
    tx: Knex.Transaction,
    input: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
  ): Promise<{ operation: DatabaseOperation; created: boolean }> {
    // The request row is the lock: operations on one request are admitted one at a time (on
    // SQLite the single writer connection serialises them already).
    const request: RequestRow | undefined = await lockedRows(
      tx,
      tx<RequestRow>(REQUESTS).where({ id: input.requestId }),
    ).first();
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
    await tx(HISTORY).insert({
      ...historyRow({
        requestId: input.requestId,
        operationId: id,
        actor: input.requestedBy,
        action: `${input.parameters.type}-requested`,
        message: input.approvalRequired
          ? `Needs an approval: ${input.approvalReasons.join(', ')}`
          : null,
      }),
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
    const entry = await idempotencyEntry(
      db,
      IDEMPOTENCY,
      { requested_by: input.requestedBy, request_id: input.requestId },
      idempotency,
      'operation',
    );
    if (!entry) return undefined;
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
      const transition = { subject: `operation ${id}`, action: options.action };
      assertTransition({
        ...transition,
        from,
        to: options.to,
        expected: options.from,
        // Staying in a status is a change of phase (in-progress: apply → grace), not a transition.
        allowed:
          from === options.to || canTransitionOperation(from, options.to),
        leaseOwner: options.leaseOwner,
        heldBy: row.lease_owner,
      });
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
      assertUpdated(changed, transition);

      const requestChanges: Record<string, unknown> = {};
      const change = options.requestUpdate;
      if (change?.size !== undefined) requestChanges.size = change.size;
      if (change?.storageGB !== undefined)
        requestChanges.storage_gb = change.storageGB;
      // A resize moves the database's cost to what the operation was priced at.
      if (
        (change?.size !== undefined || change?.storageGB !== undefined) &&
        storedCost(row)
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
      await tx(HISTORY).insert({
        ...historyRow({
          requestId: row.request_id,
          operationId: id,
          actor: options.actor,
          action: `${row.type}-${options.action}`,
          message: options.message ?? options.failureReason,
        }),
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
    event: HistoryEntry,
  ): Promise<void> {
    await this.db(HISTORY).insert({
      ...this.historyRowOf(operation, event),
      created_at: this.now(),
    });
  }

  private historyRowOf(
    operation: Pick<DatabaseOperation, 'id' | 'requestId'>,
    event: HistoryEntry,
  ) {
    return historyRow({
      requestId: operation.requestId,
      operationId: operation.id,
      ...event,
    });
  }

  async claimDue(options: ClaimOptions): Promise<ClaimedDatabaseOperation[]> {
    const rows = await this.leases.claimRows<OperationRow>(options);
    return rows.map(rowToClaimedOperation);
  }

  renewLease(id: string, leaseOwner: string, leaseMs: number) {
    return this.leases.renew(id, leaseOwner, leaseMs);
  }

  async reschedule(
    operation: Pick<DatabaseOperation, 'id' | 'requestId'>,
    leaseOwner: string,
    update: RescheduleUpdate,
    event?: HistoryEntry,
  ): Promise<boolean> {
    return this.leases.reschedule(
      operation.id,
      leaseOwner,
      update,
      event && this.historyRowOf(operation, event),
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
