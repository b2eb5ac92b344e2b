import { TestDatabases } from '@backstage/backend-test-utils';
import { isUniqueViolation } from './uniqueViolation';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('isUniqueViolation', () => {
  it.each(databases.eachSupportedId())(
    'tells a duplicate key from other constraint failures, on %p',
    async databaseId => {
      const db = await databases.init(databaseId);
      await db.schema.createTable('things', table => {
        table.string('id').primary();
        table.string('name').notNullable().unique();
      });
      await db('things').insert({ id: 'a', name: 'one' });
      const failure = (row: object) =>
        db('things')
          .insert(row)
          .then(
            () => undefined,
            error => error,
          );

      expect(isUniqueViolation(await failure({ id: 'a', name: 'two' }))).toBe(
        true,
      );
      expect(isUniqueViolation(await failure({ id: 'b', name: 'one' }))).toBe(
        true,
      );
      // A driver error (better-sqlite3's SqliteError comes from another realm than jest's Error).
      const notNull = await failure({ id: 'c', name: null });
      expect(String(notNull?.message)).toMatch(/NOT NULL|null value/);
      expect(isUniqueViolation(notNull)).toBe(false);
      expect(isUniqueViolation(new Error('boom'))).toBe(false);
      expect(isUniqueViolation(undefined)).toBe(false);
    },
  );
});
