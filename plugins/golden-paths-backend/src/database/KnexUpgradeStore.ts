import { isUniqueViolation } from '@paved/backend-platform';
import crypto from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ACTIVE_UPGRADE_STATUSES,
  UpgradeStatus,
} from '@paved/plugin-golden-paths-common';
import { Knex } from 'knex';
import {
  NewUpgradeRecord,
  UpgradeChange,
  UpgradeNotice,
  UpgradeRecord,
  UpgradeStore,
} from './UpgradeStore';

const TABLE = 'golden_paths_upgrades';

const migrationsDirectory = resolvePackagePath(
  '@paved/plugin-golden-paths-backend',
  'migrations',
);

type Row = {
  id: string;
  entity_ref: string;
  template_ref: string;
  from_version: string;
  to_version: string;
  status: string;
  active_key: string | null;
  change_key: string | null;
  change_url: string | null;
  conflicts: string;
  missing_inputs: string | null;
  error: string | null;
  created_by: string;
  notified: string | null;
  created_at: number | string;
  updated_at: number | string;
};

function fromRow(row: Row): UpgradeRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    templateRef: row.template_ref,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    status: row.status as UpgradeStatus,
    changeKey: row.change_key ?? undefined,
    changeUrl: row.change_url ?? undefined,
    conflicts: JSON.parse(row.conflicts),
    missingInputs: row.missing_inputs ? JSON.parse(row.missing_inputs) : [],
    error: row.error ?? undefined,
    createdBy: row.created_by,
    notified: (row.notified as UpgradeNotice | null) ?? undefined,
    // PostgreSQL answers bigint as a string.
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

const activeKey = (entityRef: string, toVersion: string) =>
  `${entityRef}@${toVersion}`;

/** {@link UpgradeStore} on the plugin's database (SQLite or PostgreSQL). */
export class KnexUpgradeStore implements UpgradeStore {
  static async create(
    database: DatabaseService,
    now: () => Date = () => new Date(),
  ): Promise<KnexUpgradeStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDirectory });
    }
    return new KnexUpgradeStore(client, now);
  }

  constructor(private readonly db: Knex, private readonly now: () => Date) {}

  private async active(entityRef: string, toVersion: string) {
    const row = await this.db<Row>(TABLE)
      .where({ active_key: activeKey(entityRef, toVersion) })
      .first();
    return row && fromRow(row);
  }

  async claim(
    input: NewUpgradeRecord,
  ): Promise<{ upgrade: UpgradeRecord; created: boolean }> {
    const existing = await this.active(input.entityRef, input.toVersion);
    if (existing) {
      return { upgrade: existing, created: false };
    }
    const at = this.now().getTime();
    const row: Row = {
      id: crypto.randomUUID(),
      entity_ref: input.entityRef,
      template_ref: input.templateRef,
      from_version: input.fromVersion,
      to_version: input.toVersion,
      status: 'proposing',
      active_key: activeKey(input.entityRef, input.toVersion),
      change_key: null,
      change_url: null,
      conflicts: '[]',
      missing_inputs: null,
      error: null,
      created_by: input.createdBy,
      notified: null,
      created_at: at,
      updated_at: at,
    };
    try {
      await this.db<Row>(TABLE).insert(row);
      return { upgrade: fromRow(row), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another replica claimed it between our read and our insert.
      const winner = await this.active(input.entityRef, input.toVersion);
      if (!winner) throw error;
      return { upgrade: winner, created: false };
    }
  }

  async update(id: string, change: UpgradeChange): Promise<UpgradeRecord> {
    const patch: Partial<Row> = { updated_at: this.now().getTime() };
    if (change.status) {
      patch.status = change.status;
      if (!ACTIVE_UPGRADE_STATUSES.includes(change.status)) {
        // A final proposal no longer holds the component's slot for its version.
        patch.active_key = null;
      }
    }
    if (change.changeKey !== undefined) patch.change_key = change.changeKey;
    if (change.changeUrl !== undefined) patch.change_url = change.changeUrl;
    if (change.conflicts) patch.conflicts = JSON.stringify(change.conflicts);
    if (change.missingInputs) {
      patch.missing_inputs = JSON.stringify(change.missingInputs);
    }
    if (change.error !== undefined) patch.error = change.error;
    const updated = await this.db<Row>(TABLE).where({ id }).update(patch);
    if (updated === 0) {
      throw new NotFoundError(`upgrade ${id} does not exist`);
    }
    return (await this.get(id))!;
  }

  async get(id: string): Promise<UpgradeRecord | undefined> {
    const row = await this.db<Row>(TABLE).where({ id }).first();
    return row && fromRow(row);
  }

  async resume(id: string): Promise<boolean> {
    const updated = await this.db<Row>(TABLE)
      .where({ id, status: 'needs-attention' })
      .whereNull('change_key')
      .whereNotNull('missing_inputs')
      .whereNot({ missing_inputs: '[]' })
      .update({
        status: 'proposing',
        missing_inputs: '[]',
        updated_at: this.now().getTime(),
      });
    return updated === 1;
  }

  async markNotified(
    id: string,
    notice: UpgradeNotice | undefined,
    expected: UpgradeNotice | undefined,
  ): Promise<boolean> {
    const query = this.db<Row>(TABLE).where({ id });
    if (expected) query.where({ notified: expected });
    else query.whereNull('notified');
    return (await query.update({ notified: notice ?? null })) === 1;
  }

  async findByChangeKey(changeKey: string): Promise<UpgradeRecord | undefined> {
    const row = await this.db<Row>(TABLE)
      .where({ change_key: changeKey })
      .orderBy('created_at', 'desc')
      .first();
    return row && fromRow(row);
  }

  async latestPerEntity(
    entityRefs?: string[],
  ): Promise<Map<string, UpgradeRecord>> {
    const latest = this.db<Row>(TABLE)
      .select('entity_ref')
      .max({ created_at: 'created_at' })
      .groupBy('entity_ref');
    if (entityRefs) {
      latest.whereIn('entity_ref', entityRefs);
    }
    const rows = await this.db<Row>(`${TABLE} as u`)
      .join(latest.as('l'), join =>
        join
          .on('u.entity_ref', '=', 'l.entity_ref')
          .andOn('u.created_at', '=', 'l.created_at'),
      )
      .select('u.*');
    const result = new Map<string, UpgradeRecord>();
    for (const row of rows as Row[]) {
      const record = fromRow(row);
      const other = result.get(record.entityRef);
      if (!other || other.id < record.id) result.set(record.entityRef, record);
    }
    return result;
  }

  async list(options: {
    entityRef?: string;
    limit: number;
  }): Promise<UpgradeRecord[]> {
    const query = this.db<Row>(TABLE)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.entityRef) query.where({ entity_ref: options.entityRef });
    return (await query).map(fromRow);
  }
}
