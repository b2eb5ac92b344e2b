import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { LocationRegistrationStore } from './LocationRegistrationStore';

jest.setTimeout(60_000);

describe('LocationRegistrationStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      // The catalog's own tables, from its own migrations: the store reads `locations`.
      await knex.migrate.latest({
        directory: resolvePackagePath('@backstage/plugin-catalog-backend', 'migrations'),
      });
      const database: DatabaseService = { getClient: async () => knex };
      return { knex, store: await LocationRegistrationStore.create(database) };
    }

    it('records the first registrant of a location, with their ownership refs', async () => {
      const { store } = await createStore();
      const ref = 'url:https://git.example.com/sam/tool/catalog-info.yaml';
      await store.recordUnlessRegistered({
        locationRef: ref,
        registeredBy: 'user:default/sam.rivera',
        ownershipRefs: ['user:default/sam.rivera', 'group:default/payments'],
      });
      await expect(store.get(ref)).resolves.toEqual({
        locationRef: ref,
        registeredBy: 'user:default/sam.rivera',
        ownershipRefs: ['user:default/sam.rivera', 'group:default/payments'],
      });
      // A service has no restriction.
      await store.recordUnlessRegistered({
        locationRef: 'url:https://x/y.yaml',
        registeredBy: 'plugin:scaffolder',
      });
      expect((await store.get('url:https://x/y.yaml'))?.ownershipRefs).toBe(
        undefined,
      );
    });

    it('never hands a location the catalog already has to a second registrant', async () => {
      const { knex, store } = await createStore();
      const target = 'https://git.example.com/platform/console/catalog-info.yaml';
      await store.recordUnlessRegistered({
        locationRef: `url:${target}`,
        registeredBy: 'user:default/priya.natarajan',
        ownershipRefs: ['group:default/platform'],
      });
      await knex('locations').insert({
        id: 'b6a0f1e8-0000-4000-8000-000000000001',
        type: 'url',
        target,
        location_entity_ref: 'location:default/generated-console',
      });
      // The same POST again (the catalog answers 409) must not replace the registrant.
      await store.recordUnlessRegistered({
        locationRef: `url:${target}`,
        registeredBy: 'user:default/sam.rivera',
        ownershipRefs: ['group:default/payments'],
      });
      expect((await store.get(`url:${target}`))?.registeredBy).toBe(
        'user:default/priya.natarajan',
      );
      // Once the catalog no longer has it, a new registration takes over.
      await knex('locations').delete();
      await store.recordUnlessRegistered({
        locationRef: `url:${target}`,
        registeredBy: 'user:default/sam.rivera',
        ownershipRefs: ['group:default/payments'],
      });
      expect((await store.get(`url:${target}`))?.registeredBy).toBe(
        'user:default/sam.rivera',
      );
    });
  });
});
