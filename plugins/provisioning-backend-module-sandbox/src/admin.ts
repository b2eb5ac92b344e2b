import { Client, ClientConfig } from 'pg';
import { quoteIdentifier } from './identifiers';

/**
 * Limits how many operations run against the admin server at once: a burst of requests would
 * otherwise open a connection each and exhaust the server's `max_connections`.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Runs `fn` on a fresh admin connection, with statement logging off where the role may change it. */
export async function withAdminClient<T>(
  admin: ClientConfig,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client(admin);
  await client.connect();
  try {
    // Keep passwords out of the server's statement log.
    await client.query("SET log_statement = 'none'").catch(() => undefined);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * libpq environment variables of the admin connection to one database, for `pg_dump` and
 * `pg_restore`: the password travels in the child's environment, never on its command line.
 */
export function adminEnvironment(
  connection: string,
  database: string,
): Record<string, string> {
  const url = new URL(connection);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(url.hostname) || '127.0.0.1',
    PGPORT: url.port || '5432',
    PGDATABASE: database,
    PGCONNECT_TIMEOUT: '10',
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/**
 * Creates the database of a sandbox owned by its role (if absent) and lets only that role (and
 * its rotation login, a member of it) connect.
 */
export async function ensureSandboxDatabase(
  client: Client,
  identifier: string,
): Promise<void> {
  const quoted = quoteIdentifier(identifier);
  const exists = await client.query(
    'SELECT 1 FROM pg_database WHERE datname = $1',
    [identifier],
  );
  if (exists.rowCount === 0) {
    try {
      // CREATE DATABASE has no IF NOT EXISTS; 42P04 duplicate_database means a retry won the race.
      await client.query(`CREATE DATABASE ${quoted} OWNER ${quoted}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  }
  // Only its own role (and superusers) may connect: other sandbox tenants share this server,
  // and PostgreSQL grants CONNECT to PUBLIC on every new database.
  await client.query(
    `REVOKE CONNECT, TEMPORARY ON DATABASE ${quoted} FROM PUBLIC`,
  );
  await client.query(
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoted} TO ${quoted}`,
  );
}
