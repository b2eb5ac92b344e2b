/**
 * Whether a database error is a duplicate primary key or unique index: PostgreSQL's 23505, or
 * SQLite's SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY (better-sqlite3). Other
 * constraint failures (NOT NULL, CHECK, foreign keys) are not: they are bugs, not a concurrent
 * writer that got there first.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
