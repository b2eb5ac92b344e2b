import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { Client } from 'pg';

/** Where each PostgreSQL setting comes from in app-config.production.yaml. */
const settings = [
  { key: 'host', env: 'POSTGRES_HOST' },
  { key: 'port', env: 'POSTGRES_PORT' },
  { key: 'user', env: 'POSTGRES_USER' },
  { key: 'password', env: 'POSTGRES_PASSWORD' },
] as const;

/**
 * Returns what is wrong with a PostgreSQL `backend.database` configuration, naming the setting
 * and its environment variable; an empty list when nothing is. A missing environment variable
 * leaves its key out of the configuration, which pg would silently replace with its defaults
 * (localhost, the OS user): we refuse that instead.
 */
export function findDatabaseSettingProblems(config: Config): string[] {
  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') !== 'pg') return [];
  const connection = database.getOptional('connection');
  if (typeof connection === 'string') return []; // a connection string is used as given
  const problems: string[] = [];
  for (const { key, env } of settings) {
    const value = database.getOptional(`connection.${key}`);
    if (value === undefined || value === '') {
      problems.push(
        `backend.database.connection.${key} is not set: set the environment variable ${env}`,
      );
    }
  }
  const port = database.getOptional('connection.port');
  if (port !== undefined && port !== '') {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
      problems.push(
        `backend.database.connection.port must be a TCP port (1-65535), got "${port}": check POSTGRES_PORT`,
      );
    }
  }
  return problems;
}

/**
 * Stops start-up with a clear message when the production database settings are missing or
 * wrong, before plugins fail one by one with less helpful errors.
 */
export default createBackendPlugin({
  pluginId: 'paved-startup-checks',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      async init({ config, logger }) {
        const problems = findDatabaseSettingProblems(config);
        if (problems.length > 0) {
          throw new Error(
            `Invalid PostgreSQL settings:\n  - ${problems.join('\n  - ')}`,
          );
        }
        if (config.getOptionalString('backend.database.client') !== 'pg') {
          return;
        }
        const connection = config.get('backend.database.connection') as any;
        const client = new Client({
          ...(typeof connection === 'string'
            ? { connectionString: connection }
            : connection),
          database: 'postgres',
          connectionTimeoutMillis: 10_000,
        });
        try {
          await client.connect();
          await client.query('SELECT 1');
          logger.info('PostgreSQL settings checked: the server accepts them');
        } catch (error) {
          throw new Error(
            `Cannot connect to PostgreSQL with backend.database.connection ` +
              `(POSTGRES_HOST=${connection.host ?? '?'}, POSTGRES_PORT=${
                connection.port ?? '?'
              }, POSTGRES_USER=${connection.user ?? '?'}): ${error.message}`,
          );
        } finally {
          await client.end().catch(() => {});
        }
      },
    });
  },
});
