import { ENGINE_DEFINITIONS, engineDefinition } from './engines';
import { createDatabaseRequestSchema } from './schema';
import { DATABASE_TYPES } from './types';

describe('ENGINE_DEFINITIONS', () => {
  it('defines every engine a request may name, and only those', () => {
    expect(Object.keys(ENGINE_DEFINITIONS).sort()).toEqual(
      [...DATABASE_TYPES].sort(),
    );
    for (const type of DATABASE_TYPES) {
      const definition = engineDefinition(type);
      expect(definition.type).toBe(type);
      expect(definition.versions.offered).toContain(
        definition.versions.default,
      );
      // Every offered version passes the request schema's version rule.
      for (const version of definition.versions.offered) {
        expect(
          createDatabaseRequestSchema.shape.version.safeParse(version).success,
        ).toBe(true);
      }
    }
  });

  it('puts PostgreSQL in the catalog as a database and Redis as a cache', () => {
    expect(ENGINE_DEFINITIONS.postgresql.catalogResourceType).toBe('database');
    expect(ENGINE_DEFINITIONS.redis.catalogResourceType).toBe('cache');
  });

  it('builds connection URLs with the credentials escaped', () => {
    const facts = {
      host: '127.0.0.1',
      username: 'paved_orders_8d3c1b7e',
      password: 'p@ss/word:1',
    };
    expect(
      ENGINE_DEFINITIONS.postgresql.connectionUrl({
        ...facts,
        port: 5432,
        database: 'paved_orders_8d3c1b7e',
      }),
    ).toBe(
      'postgresql://paved_orders_8d3c1b7e:p%40ss%2Fword%3A1@127.0.0.1:5432/paved_orders_8d3c1b7e',
    );
    expect(
      ENGINE_DEFINITIONS.redis.connectionUrl({
        ...facts,
        port: 6379,
        database: '0',
      }),
    ).toBe('redis://paved_orders_8d3c1b7e:p%40ss%2Fword%3A1@127.0.0.1:6379/0');
  });

  it('refuses an engine nobody defined', () => {
    expect(() => engineDefinition('mongodb' as never)).toThrow(
      /Unknown engine "mongodb"/,
    );
    expect(
      createDatabaseRequestSchema.shape.type.safeParse('mongodb').success,
    ).toBe(false);
  });
});
