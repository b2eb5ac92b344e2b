import { Knex } from 'knex';

// Keeps every statement within SQLite's limits: bound parameters, and 500 rows per
// multi-row insert (knex writes those as a compound SELECT).
export const CHUNK = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * Restricts `query` to rows whose (a, b) is one of `pairs`. PostgreSQL plans a long
 * `(a, b) IN ((..), (..))` list as a filter over every row, so there the pairs travel as two
 * arrays and are joined through `unnest`, which uses the index; SQLite handles row values well.
 */
export function wherePairs(
  query: Knex.QueryBuilder,
  isPg: boolean,
  columns: [string, string],
  pairs: string[][],
): Knex.QueryBuilder {
  if (!isPg) return query.whereIn(columns, pairs);
  return query.whereRaw(
    '(??, ??) IN (SELECT * FROM unnest(?::text[], ?::text[]))',
    [columns[0], columns[1], pairs.map(p => p[0]), pairs.map(p => p[1])],
  );
}

export type PgType = 'text' | 'bigint' | 'integer' | 'boolean';

/**
 * Inserts many rows in one statement per chunk. On PostgreSQL the rows travel as one array per
 * column through `unnest` (a handful of bind parameters instead of one per value, several times
 * faster for thousands of rows); SQLite uses a plain multi-row insert.
 */
export async function bulkInsert(
  tx: Knex.Transaction,
  isPg: boolean,
  table: string,
  columns: Record<string, PgType>,
  rows: Array<Record<string, unknown>>,
  conflict?: { target: string[]; merge: string[] | 'ignore' },
) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  if (!isPg) {
    // SQLite also caps a multi-row insert (a compound SELECT) at 500 rows.
    for (const batch of chunks(
      rows,
      Math.min(CHUNK, Math.floor(30000 / names.length)),
    )) {
      const insert = tx(table).insert(batch);
      if (!conflict) await insert;
      else if (conflict.merge === 'ignore')
        await insert.onConflict(conflict.target).ignore();
      else await insert.onConflict(conflict.target).merge(conflict.merge);
    }
    return;
  }
  let onConflict = '';
  if (conflict) {
    const target = conflict.target.map(() => '??').join(', ');
    onConflict =
      conflict.merge === 'ignore'
        ? ` ON CONFLICT (${target}) DO NOTHING`
        : ` ON CONFLICT (${target}) DO UPDATE SET ${conflict.merge
            .map(() => '?? = EXCLUDED.??')
            .join(', ')}`;
  }
  const sql = `INSERT INTO ?? (${names
    .map(() => '??')
    .join(', ')}) SELECT * FROM unnest(${names
    .map(n => `?::${columns[n]}[]`)
    .join(', ')})${onConflict}`;
  for (const batch of chunks(rows, 10000)) {
    const bindings: unknown[] = [table, ...names];
    for (const n of names) bindings.push(batch.map(r => r[n] ?? null));
    if (conflict) {
      bindings.push(...conflict.target);
      if (conflict.merge !== 'ignore')
        for (const m of conflict.merge) bindings.push(m, m);
    }
    await tx.raw(sql, bindings as Knex.RawBinding[]);
  }
}

/**
 * Updates many rows, found by their `keyColumns`, in one statement per chunk. On PostgreSQL the
 * rows travel as arrays through `unnest`, as in {@link bulkInsert}; SQLite updates row by row
 * (inside the caller's transaction, so no round trips leave the process).
 */
export async function bulkUpdate<Row extends object>(
  tx: Knex.Transaction,
  isPg: boolean,
  table: string,
  keyColumns: Record<string, PgType>,
  set: Record<string, PgType>,
  rows: Row[],
) {
  if (rows.length === 0) return;
  const keys = Object.keys(keyColumns);
  const sets = Object.keys(set);
  const value = (row: Row, column: string) =>
    (row as Record<string, unknown>)[column] ?? null;
  const pick = (row: Row, names: string[]) =>
    Object.fromEntries(names.map(n => [n, value(row, n)]));
  if (!isPg) {
    for (const row of rows) {
      await tx(table).where(pick(row, keys)).update(pick(row, sets));
    }
    return;
  }
  const types = { ...keyColumns, ...set };
  const columns = [...keys, ...sets];
  const sql = `UPDATE ?? AS t SET ${sets.map(() => '?? = v.??').join(', ')}
      FROM unnest(${columns.map(c => `?::${types[c]}[]`).join(', ')})
        AS v(${columns.map(() => '??').join(', ')})
     WHERE ${keys.map(() => 't.?? = v.??').join(' AND ')}`;
  for (const batch of chunks(rows, 10000)) {
    const bindings: unknown[] = [table, ...sets.flatMap(c => [c, c])];
    for (const c of columns) bindings.push(batch.map(r => value(r, c)));
    bindings.push(...columns, ...keys.flatMap(c => [c, c]));
    await tx.raw(sql, bindings as Knex.RawBinding[]);
  }
}

/**
 * Adds signed deltas to counter rows (a histogram, a rollup) keyed by `target`, creating missing
 * rows, then drops the lowered rows whose counts all reached zero. Callers pass deltas in a stable
 * order, so concurrent writers would take row locks in the same order.
 */
export async function addCounts(
  tx: Knex.Transaction,
  table: string,
  target: string[],
  deltas: Array<Record<string, string | number>>,
) {
  if (deltas.length === 0) return;
  const counters = Object.keys(deltas[0]).filter(c => !target.includes(c));
  const increments = Object.fromEntries(
    counters.map(c => [
      c,
      tx.raw('?? + ??', [`${table}.${c}`, `excluded.${c}`]),
    ]),
  );
  for (const batch of chunks(deltas)) {
    await tx(table).insert(batch).onConflict(target).merge(increments);
  }
  const lowered = deltas.filter(d => counters.some(c => Number(d[c]) < 0));
  for (const batch of chunks(lowered)) {
    await tx(table)
      .whereIn(
        target,
        batch.map(d => target.map(t => d[t])),
      )
      .where(q => {
        for (const c of counters) q.where(c, '<=', 0);
      })
      .delete();
  }
}

/**
 * What differs between PostgreSQL and SQLite for the bulk statements: pair lookups as arrays on
 * PostgreSQL (cheap statements), one bound value each on SQLite.
 */
export class Dialect {
  readonly isPg: boolean;
  /** Pairs per statement. */
  readonly pairChunk: number;

  constructor(db: Knex) {
    this.isPg = db.client.config.client === 'pg';
    this.pairChunk = this.isPg ? 5000 : CHUNK;
  }

  pairs(
    query: Knex.QueryBuilder,
    columns: [string, string],
    pairs: string[][],
  ) {
    return wherePairs(query, this.isPg, columns, pairs);
  }
}
