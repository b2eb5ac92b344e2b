import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  canTransition,
  Cost,
  DatabaseRequest,
  DatabaseRequestEvent,
  DatabaseRequestStatus,
  FINAL_DATABASE_REQUEST_STATUSES,
  QUOTA_COUNTED_STATUSES,
} from '@paved/plugin-provisioning-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  ClaimedDatabaseRequest,
  CreateDatabaseRequestOptions,
  CreateDatabaseRequestResult,
  DatabaseRequestFilter,
  DatabaseRequestStore,
  NewDatabaseRequest,
  TransitionOptions,
} from './DatabaseRequestStore';
import {
  EventRow,
  RequestRow,
  rowToClaimed,
  rowToEvent,
  rowToRequest,
} from './rows';
import { ClaimOptions, RescheduleUpdate, RowLeases } from './leases';
import { HISTORY, HistoryEntry, historyRow } from './history';
import {
  assertTransition,
  assertUpdated,
  createOnce,
  idempotencyEntry,
  lockedRows,
} from './concurrency';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-provisioning-backend',
  'migrations',
);

const REQUESTS = 'provisioning_requests';
const IDEMPOTENCY = 'provisioning_idempotency_keys';
const TEAM_LOCKS = 'provisioning_team_locks';

/** Statuses the processor works on. */
const PROCESSED_STATUSES: DatabaseRequestStatus[] = [
  'provisioning',
  'deprovisioning',
];

/** Requests in these states keep their name reserved within owner and environment. */
const NAME_RESERVING_STATUSES = QUOTA_COUNTED_STATUSES;

/** {@link DatabaseRequestStore} on knex: PostgreSQL in production, SQLite in development and tests. */
export class KnexDatabaseRequestStore implements DatabaseRequestStore {
  static async create(options: {
    database: DatabaseService;
    now?: () => Date;
  }): Promise<KnexDatabaseRequestStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new KnexDatabaseRequestStore(client, options.now);
  }

  private readonly leases: RowLeases;

  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.leases = new RowLeases(db, REQUESTS, now, query =>
      query.whereIn('status', PROCESSED_STATUSES),
    );
  }

  async createRequest(
    input: NewDatabaseRequest & { initialStatus: DatabaseRequestStatus },
    options: CreateDatabaseRequestOptions,
  ): Promise<CreateDatabaseRequestResult> {
    const { idempotency } = options;
    // Two first calls with one idempotency key for different teams do not share a team lock;
    // the primary key catches the second, which then answers like a retry.
    return createOnce(
      this.db,
      idempotency !== undefined,
      tx => this.createInTransaction(tx, input, options),
      async () => {
        const existing = await this.findByIdempotencyKey(
          this.db,
          input.requestedBy,
          idempotency!,
        );
        return existing && { request: existing, created: false };
      },
    );
  }

  private async createInTransaction(
    tx: Knex.Transaction,
    input: NewDatabaseRequest & { initialStatus: DatabaseRequestStatus },
    options: CreateDatabaseRequestOptions,
  ): Promise<CreateDatabaseRequestResult> {
    // Serialise creates of one team: on PostgreSQL by a row lock, on SQLite the single writer
    // connection already does so. Everything below (idempotency, name, quota, insert) is then
    // checked and written without a concurrent create of the same team in between.
    await tx(TEAM_LOCKS)
      .insert({ owner: input.owner })
      .onConflict('owner')
      .ignore();
    await lockedRows(tx, tx(TEAM_LOCKS).where({ owner: input.owner }));

    if (options.idempotency) {
      const existing = await this.findByIdempotencyKey(
        tx,
        input.requestedBy,
        options.idempotency,
      );
      if (existing) return { request: existing, created: false };
    }

    const sameName = await tx(REQUESTS)
      .where({
        owner: input.owner,
        environment: input.environment,
        name: input.name,
      })
      .whereIn('status', NAME_RESERVING_STATUSES)
      .first('id');
    if (sameName) {
      throw new InputError(
        `name: "${input.name}" is already used by request ${sameName.id} of ${input.owner} in ${input.environment} (rule: name unique per owner and environment)`,
      );
    }

    const usage = await this.usageIn(tx, input.owner);
    if (usage.requests + 1 > options.quota.maxRequests) {
      throw new InputError(
        `owner: ${input.owner} has ${usage.requests} of ${options.quota.maxRequests} databases (rule: quota.maxRequests)`,
      );
    }
    if (usage.storageGB + input.storageGB > options.quota.maxStorageGB) {
      throw new InputError(
        `storageGB: ${input.storageGB} GB more would exceed the ${options.quota.maxStorageGB} GB quota of ${input.owner}, which uses ${usage.storageGB} GB (rule: quota.maxStorageGB)`,
      );
    }

    // The budget makes a request need approval; it never refuses one.
    const reasons = [...(input.approvalReasons ?? [])];
    const budget = options.quota.monthlyBudget;
    if (
      budget !== undefined &&
      input.cost &&
      usage.monthlyCost + input.cost.monthly > budget
    ) {
      reasons.push(
        `the monthly cost of ${input.owner} would be ${(
          usage.monthlyCost + input.cost.monthly
        ).toFixed(2)} ${
          input.cost.currency
        }, above its budget of ${budget} (rule: quota.monthlyBudget)`,
      );
    }
    const approvalRequired = input.approvalRequired || reasons.length > 0;
    const status =
      approvalRequired && input.initialStatus === 'provisioning'
        ? 'awaiting-approval'
        : input.initialStatus;

    const id = uuid();
    const now = this.now();
    await tx(REQUESTS).insert({
      id,
      type: input.type,
      name: input.name,
      owner: input.owner,
      system: input.system ?? null,
      component: input.component ?? null,
      environment: input.environment,
      size: input.size,
      storage_gb: input.storageGB,
      version: input.version ?? null,
      ttl_hours: input.ttlHours ?? null,
      provider: input.provider,
      status,
      requested_by: input.requestedBy,
      approval_required: approvalRequired,
      monthly_cost: input.cost?.monthly ?? null,
      cost_currency: input.cost?.currency ?? null,
      created_at: now,
      updated_at: now,
      expires_at: input.expiresAt ?? null,
      attempts: 0,
    });
    await tx(HISTORY).insert({
      ...historyRow({
        requestId: id,
        actor: input.requestedBy,
        action: 'created',
        toStatus: status,
        message: approvalRequired
          ? `Needs approval${reasons.length ? `: ${reasons.join('; ')}` : ''}`
          : null,
      }),
      created_at: now,
    });
    if (options.idempotency) {
      await tx(IDEMPOTENCY).insert({
        requested_by: input.requestedBy,
        key: options.idempotency.key,
        request_id: id,
        body_hash: options.idempotency.bodyHash,
        created_at: now,
      });
    }
    const row = await tx<RequestRow>(REQUESTS).where({ id }).first();
    return { request: rowToRequest(row!), created: true };
  }

  private async findByIdempotencyKey(
    db: Knex,
    requestedBy: string,
    idempotency: { key: string; bodyHash: string },
  ): Promise<DatabaseRequest | undefined> {
    const entry = await idempotencyEntry(
      db,
      IDEMPOTENCY,
      { requested_by: requestedBy },
      idempotency,
      'request',
    );
    if (!entry) return undefined;
    const row = await db<RequestRow>(REQUESTS)
      .where({ id: entry.request_id })
      .first();
    return row ? rowToRequest(row) : undefined;
  }

  private async usageIn(
    db: Knex,
    owner: string,
  ): Promise<{ requests: number; storageGB: number; monthlyCost: number }> {
    const result = await db(REQUESTS)
      .where({ owner })
      .whereIn('status', QUOTA_COUNTED_STATUSES)
      .count({ requests: '*' })
      .sum({ storage: 'storage_gb' })
      .sum({ cost: 'monthly_cost' })
      .first();
    return {
      requests: Number(result?.requests ?? 0),
      storageGB: Number(result?.storage ?? 0),
      monthlyCost: Math.round(Number(result?.cost ?? 0) * 100) / 100,
    };
  }

  async getUsage(owner: string) {
    return this.usageIn(this.db, owner);
  }

  async priceUnpriced(price: (request: DatabaseRequest) => Cost) {
    const rows = await this.db<RequestRow>(REQUESTS).whereNull('monthly_cost');
    for (const row of rows) {
      const cost = price(rowToRequest(row));
      await this.db(REQUESTS)
        .where({ id: row.id })
        .whereNull('monthly_cost')
        .update({ monthly_cost: cost.monthly, cost_currency: cost.currency });
    }
    return rows.length;
  }

  async getRequest(id: string): Promise<DatabaseRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    return row ? rowToRequest(row) : undefined;
  }

  async listRequests(
    filter: DatabaseRequestFilter = {},
  ): Promise<DatabaseRequest[]> {
    const query = this.db<RequestRow>(REQUESTS).orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    if (filter.owners) query.whereIn('owner', filter.owners);
    if (filter.statuses) query.whereIn('status', filter.statuses);
    if (filter.requestedBy) query.where('requested_by', filter.requestedBy);
    if (filter.name) query.where('name', filter.name);
    if (filter.environment) query.where('environment', filter.environment);
    const rows = await query;
    return rows.map(rowToRequest);
  }

  async listEvents(requestId: string): Promise<DatabaseRequestEvent[]> {
    const rows = await this.db<EventRow>(HISTORY)
      .where({ request_id: requestId })
      .orderBy('id', 'asc');
    return rows.map(rowToEvent);
  }

  async transition(
    id: string,
    options: TransitionOptions,
  ): Promise<DatabaseRequest> {
    return this.db.transaction(async tx => {
      const row = await tx<RequestRow>(REQUESTS).where({ id }).first();
      if (!row) throw new NotFoundError(`No database request with id ${id}`);
      const from = row.status as DatabaseRequestStatus;
      const change = { subject: `request ${id}`, action: options.action };
      assertTransition({
        ...change,
        from,
        to: options.to,
        expected: options.from,
        allowed: canTransition(from, options.to),
        leaseOwner: options.leaseOwner,
        heldBy: row.lease_owner,
      });
      const now = this.now();
      const update: Record<string, unknown> = {
        status: options.to,
        updated_at: now,
      };
      if (options.to === 'provisioning' || options.to === 'deprovisioning') {
        // A new phase starts with fresh bookkeeping and is due at once.
        update.attempts = 0;
        update.next_attempt_at = null;
        update.submitted_at = null;
        update.failing_since = null;
      }
      if (options.to === 'deprovisioning') {
        update.end_status = options.endStatus ?? 'deleted';
      }
      if (options.humanStep) {
        // Only ever set: a request a person acted on never becomes self-service again.
        update.human_step = true;
      }
      if (options.resourceEntityRefCandidates && !row.resource_entity_ref) {
        update.resource_entity_ref = await this.freeResourceEntityRef(
          tx,
          id,
          options.resourceEntityRefCandidates,
        );
      }
      if (options.outputs !== undefined) {
        update.outputs = JSON.stringify(options.outputs);
      }
      if (options.failureReason !== undefined) {
        update.failure_reason = options.failureReason;
      } else if (options.to !== 'failed') {
        update.failure_reason = null;
      }
      const changed = await tx(REQUESTS)
        .where({ id, status: from })
        .update(update);
      assertUpdated(changed, change);
      await tx(HISTORY).insert({
        ...historyRow({
          requestId: id,
          actor: options.actor,
          action: options.action,
          fromStatus: from,
          toStatus: options.to,
          message: options.message ?? options.failureReason,
        }),
        created_at: now,
      });
      const updated = await tx<RequestRow>(REQUESTS).where({ id }).first();
      return rowToRequest(updated!);
    });
  }

  /**
   * The first candidate no other request holds. A unique index on the column settles a race
   * between two transactions that both saw a candidate free: the second fails and is retried.
   */
  private async freeResourceEntityRef(
    tx: Knex.Transaction,
    id: string,
    candidates: string[],
  ): Promise<string> {
    const held = new Set(
      (
        await tx(REQUESTS)
          .whereIn('resource_entity_ref', candidates)
          .whereNot({ id })
          .select('resource_entity_ref')
      ).map((r: { resource_entity_ref: string }) => r.resource_entity_ref),
    );
    const free = candidates.find(candidate => !held.has(candidate));
    if (!free) {
      throw new ConflictError(
        `Every catalog entity name for request ${id} is taken: ${candidates.join(
          ', ',
        )}`,
      );
    }
    return free;
  }

  async appendEvent(requestId: string, event: HistoryEntry): Promise<void> {
    await this.db(HISTORY).insert({
      ...historyRow({ requestId, ...event }),
      created_at: this.now(),
    });
  }

  async claimDue(options: ClaimOptions): Promise<ClaimedDatabaseRequest[]> {
    const rows = await this.leases.claimRows<RequestRow>(options);
    return rows.map(rowToClaimed);
  }

  renewLease(id: string, leaseOwner: string, leaseMs: number) {
    return this.leases.renew(id, leaseOwner, leaseMs);
  }

  async reschedule(
    id: string,
    leaseOwner: string,
    update: RescheduleUpdate,
    event?: HistoryEntry,
  ): Promise<boolean> {
    return this.leases.reschedule(
      id,
      leaseOwner,
      update,
      event && historyRow({ requestId: id, ...event }),
    );
  }

  async releaseLease(id: string, leaseOwner: string): Promise<void> {
    await this.leases.release(id, leaseOwner);
  }

  async listExpiring(before: Date): Promise<ClaimedDatabaseRequest[]> {
    const rows = await this.db<RequestRow>(REQUESTS)
      .whereNotNull('expires_at')
      .where('expires_at', '<=', before)
      .whereNotIn('status', [
        ...FINAL_DATABASE_REQUEST_STATUSES,
        'deprovisioning',
      ]);
    return rows.map(rowToClaimed);
  }

  async markExpiryNotified(id: string, at: Date): Promise<void> {
    await this.db(REQUESTS).where({ id }).update({ expiry_notified_at: at });
  }

  async extend(
    id: string,
    expiresAt: Date,
    event: { actor: string; message?: string },
  ): Promise<DatabaseRequest> {
    return this.db.transaction(async tx => {
      const row = await tx<RequestRow>(REQUESTS).where({ id }).first();
      if (!row) throw new NotFoundError(`No database request with id ${id}`);
      if (row.expires_at === null) {
        throw new InputError(
          `id: request ${id} has no expiry; only ephemeral databases can be extended`,
        );
      }
      const status = row.status as DatabaseRequestStatus;
      if (
        FINAL_DATABASE_REQUEST_STATUSES.includes(status) ||
        status === 'deprovisioning'
      ) {
        throw new ConflictError(`Cannot extend request ${id}: it is ${status}`);
      }
      const now = this.now();
      await tx(REQUESTS).where({ id }).update({
        expires_at: expiresAt,
        expiry_notified_at: null,
        updated_at: now,
      });
      await tx(HISTORY).insert({
        ...historyRow({
          requestId: id,
          actor: event.actor,
          action: 'extended',
          message: event.message ?? `Expires at ${expiresAt.toISOString()}`,
        }),
        created_at: now,
      });
      const updated = await tx<RequestRow>(REQUESTS).where({ id }).first();
      return rowToRequest(updated!);
    });
  }
}
