import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-scorecards-backend',
  'migrations',
);

/** The plugin's database client, migrated to the latest schema unless migrations are skipped. */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** SQLite allows 32,766 bound parameters; 400 rows of up to 10 columns stay well inside. */
export const CHUNK = 400;

export function chunks<T>(items: T[], size: number = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/** PostgreSQL returns bigint columns as strings. */
export function toMillis(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  return Number(value);
}

export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
