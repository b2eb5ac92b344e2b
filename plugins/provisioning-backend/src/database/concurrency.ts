import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { isUniqueViolation } from '@paved/backend-platform';

/**
 * How the stores settle concurrent writers: row locks on PostgreSQL (SQLite's single writer
 * connection serialises already), unique keys, and compare-and-set updates.
 */

/** The query's rows locked until the transaction ends, on PostgreSQL. */
export function lockedRows<T extends Knex.QueryBuilder>(db: Knex, query: T): T {
  return db.client.config.client === 'pg' ? (query.forUpdate() as T) : query;
}

/**
 * Runs `create` in a transaction. Two first calls with one idempotency key can both find the key
 * unused; its unique index fails the second, which then answers like a retry: with what
 * `findCreated` finds of the first.
 */
export async function createOnce<T>(
  db: Knex,
  idempotent: boolean,
  create: (tx: Knex.Transaction) => Promise<T>,
  findCreated: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await db.transaction(create);
  } catch (error) {
    if (idempotent && isUniqueViolation(error)) {
      const existing = await findCreated();
      if (existing) return existing;
    }
    throw error;
  }
}

/**
 * The entry of an idempotency key (a row of `table` matching `key`), if the key was used; a
 * reuse with another body is a conflict.
 */
export async function idempotencyEntry(
  db: Knex,
  table: string,
  key: Record<string, string>,
  idempotency: { key: string; bodyHash: string },
  what: string,
): Promise<Record<string, any> | undefined> {
  const entry = await db(table)
    .where({ ...key, key: idempotency.key })
    .first();
  if (!entry) return undefined;
  if (entry.body_hash !== idempotency.bodyHash) {
    throw new ConflictError(
      `Idempotency-Key "${idempotency.key}" was already used with a different ${what} body`,
    );
  }
  return entry;
}

/**
 * The checks of a status change before it is written, in this order: the caller's precondition
 * (`expected`), the transition table (`allowed`), and the processing lease.
 */
export function assertTransition(change: {
  /** `request <id>` or `operation <id>`. */
  subject: string;
  action: string;
  from: string;
  to: string;
  expected?: string[];
  allowed: boolean;
  leaseOwner?: string;
  heldBy: string | null;
}): void {
  const refuse = (why: string) =>
    new ConflictError(`Cannot ${change.action} ${change.subject}: ${why}`);
  if (change.expected && !change.expected.includes(change.from)) {
    throw refuse(
      `it is ${change.from}, expected ${change.expected.join(' or ')}`,
    );
  }
  if (!change.allowed) {
    throw refuse(`no transition from ${change.from} to ${change.to}`);
  }
  if (change.leaseOwner && change.heldBy !== change.leaseOwner) {
    throw refuse('the processing lease was lost');
  }
}

/** Refuses a compare-and-set update that found the row changed by someone else. */
export function assertUpdated(
  changed: number,
  change: { subject: string; action: string },
): void {
  if (changed !== 1) {
    throw new ConflictError(
      `Cannot ${change.action} ${change.subject}: it changed concurrently`,
    );
  }
}
