import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createDevexStores } from '../database/createDevexStores';

/** The DevEx stores on a test database, migrated as the plugin does at start. */
export async function createTestStores(knex: Knex) {
  return {
    knex,
    ...(await createDevexStores({
      database: mockServices.database({ knex }),
    })),
  };
}
