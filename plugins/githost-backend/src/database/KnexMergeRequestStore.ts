import { isUniqueViolation } from '@paved/backend-platform';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { MergeRequestState } from '@paved/plugin-githost-common';
import { Knex } from 'knex';
import {
  MergeRequestRecord,
  MergeRequestStore,
  NewMergeRequestRecord,
} from './MergeRequestStore';

const TABLE = 'githost_merge_requests';

const migrationsDirectory = resolvePackagePath(
  '@paved/plugin-githost-backend',
  'migrations',
);

type Row = {
  repository: string;
  id: number;
  source_branch: string;
  target_branch: string;
  title: string;
  description: string;
  author: string;
  state: string;
  conflicted: boolean | number;
  source_commit: string;
  merge_commit: string | null;
  merged_by: string | null;
  closed_by: string | null;
  created_at: number | string;
  updated_at: number | string;
};

function fromRow(row: Row): MergeRequestRecord {
  return {
    repository: row.repository,
    id: Number(row.id),
    sourceBranch: row.source_branch,
    targetBranch: row.target_branch,
    title: row.title,
    description: row.description,
    author: row.author,
    state: row.state as MergeRequestState,
    // SQLite answers booleans as 0/1.
    conflicted: Boolean(row.conflicted),
    sourceCommit: row.source_commit,
    mergeCommit: row.merge_commit ?? undefined,
    mergedBy: row.merged_by ?? undefined,
    closedBy: row.closed_by ?? undefined,
    // PostgreSQL answers bigint as a string.
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** Attempts at taking the next number when another writer takes it at the same moment. */
const NUMBERING_ATTEMPTS = 10;

/** {@link MergeRequestStore} on the plugin's database (SQLite or PostgreSQL). */
export class KnexMergeRequestStore implements MergeRequestStore {
  static async create(
    database: DatabaseService,
    now: () => Date = () => new Date(),
  ): Promise<KnexMergeRequestStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDirectory });
    }
    return new KnexMergeRequestStore(client, now);
  }

  constructor(private readonly db: Knex, private readonly now: () => Date) {}

  private async findOpen(repository: string, sourceBranch: string) {
    const row = await this.db<Row>(TABLE)
      .where({ repository, source_branch: sourceBranch, state: 'open' })
      .first();
    return row && fromRow(row);
  }

  async open(
    input: NewMergeRequestRecord,
  ): Promise<{ mergeRequest: MergeRequestRecord; created: boolean }> {
    for (let attempt = 0; attempt < NUMBERING_ATTEMPTS; attempt++) {
      const existing = await this.findOpen(
        input.repository,
        input.sourceBranch,
      );
      if (existing) {
        return { mergeRequest: existing, created: false };
      }
      const at = this.now().getTime();
      try {
        const row = await this.db.transaction(async tx => {
          const { max } = (await tx(TABLE)
            .where({ repository: input.repository })
            .max({ max: 'id' })
            .first()) as { max: number | string | null };
          const id = Number(max ?? 0) + 1;
          const inserted: Row = {
            repository: input.repository,
            id,
            source_branch: input.sourceBranch,
            target_branch: input.targetBranch,
            title: input.title,
            description: input.description,
            author: input.author,
            state: 'open',
            conflicted: input.conflicted,
            source_commit: input.sourceCommit,
            merge_commit: null,
            merged_by: null,
            closed_by: null,
            created_at: at,
            updated_at: at,
          };
          await tx(TABLE).insert(inserted);
          return inserted;
        });
        return { mergeRequest: fromRow(row), created: true };
      } catch (error) {
        // Someone else took this number, or opened from the same branch first: look again.
        if (!isUniqueViolation(error)) {
          throw error;
        }
      }
    }
    throw new Error(
      `could not number a merge request of ${input.repository} after ${NUMBERING_ATTEMPTS} attempts`,
    );
  }

  async get(
    repository: string,
    id: number,
  ): Promise<MergeRequestRecord | undefined> {
    const row = await this.db<Row>(TABLE).where({ repository, id }).first();
    return row && fromRow(row);
  }

  async list(
    repository: string,
    options: { state?: MergeRequestState } = {},
  ): Promise<MergeRequestRecord[]> {
    const query = this.db<Row>(TABLE)
      .where({ repository })
      .orderBy('id', 'desc');
    if (options.state) {
      query.andWhere({ state: options.state });
    }
    return (await query).map(fromRow);
  }

  async finish(
    repository: string,
    id: number,
    outcome:
      | { state: 'merged'; mergeCommit: string; by: string }
      | { state: 'closed'; by: string },
  ): Promise<MergeRequestRecord | undefined> {
    const changes =
      outcome.state === 'merged'
        ? {
            state: 'merged',
            merge_commit: outcome.mergeCommit,
            merged_by: outcome.by,
          }
        : { state: 'closed', closed_by: outcome.by };
    // Compare-and-swap on the state: of two concurrent finishes, one wins.
    const updated = await this.db<Row>(TABLE)
      .where({ repository, id, state: 'open' })
      .update({ ...changes, updated_at: this.now().getTime() });
    if (updated === 0) {
      return undefined;
    }
    return this.get(repository, id);
  }
}
