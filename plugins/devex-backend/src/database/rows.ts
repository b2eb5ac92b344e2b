/**
 * Reading database rows the same way on PostgreSQL and SQLite: bigints arrive as strings from
 * PostgreSQL and booleans as 0/1 from SQLite.
 */
export const num = (v: unknown): number =>
  v === null || v === undefined ? NaN : Number(v);
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);
export const bool = (v: unknown): boolean =>
  v === true || v === 1 || v === '1' || v === 't';
export const iso = (ms: number) => new Date(ms).toISOString();
