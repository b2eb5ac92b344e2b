import { Pool } from 'pg';
import { ReadinessCheck } from './readiness';

/**
 * The PostgreSQL connection pool. DATABASE_URL comes from the secret Paved's self-service
 * provisioning creates (the chart's `database` values, PGPASSWORD alongside).
 */
export function createDatabase(databaseUrl: string) {
  const pool = new Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 30_000 });
  const readiness: ReadinessCheck = {
    name: 'database',
    check: async () => {
      await pool.query('SELECT 1');
    },
  };
  return { pool, readiness, close: () => pool.end() };
}
