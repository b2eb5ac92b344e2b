import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { databaseResourceEntityRefCandidates } from '@paved/plugin-provisioning-common';
import { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';

jest.setTimeout(60_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });

describe.each(ids)('catalog Resource names on %s', databaseId => {
  it('never gives two requests the same entity, however long and alike their names', async () => {
    const knex = await databases.init(databaseId);
    const store = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
    });
    // Names chosen to collide once cut to 63 characters: the same 63-character prefix in two
    // environments and two teams of one namespace, plus names that imitate a suffixed ref.
    const long = 'a'.repeat(63);
    const filed = [
      {
        name: long,
        environment: 'production',
        owner: 'group:default/payments',
      },
      { name: long, environment: 'staging', owner: 'group:default/payments' },
      { name: long, environment: 'production', owner: 'group:default/data' },
      {
        name: `${'a'.repeat(52)}-production`,
        environment: 'development',
        owner: 'group:default/data',
      },
      {
        name: 'orders',
        environment: 'production',
        owner: 'group:default/payments',
      },
      {
        name: 'orders',
        environment: 'production',
        owner: 'group:default/data',
      },
    ] as const;
    const refs = new Map<string, string>();
    for (const f of filed) {
      const { request } = await store.createRequest(
        {
          type: 'postgresql',
          storageGB: 1,
          size: 'small',
          provider: 'sandbox',
          requestedBy: 'user:default/sam.rivera',
          approvalRequired: false,
          initialStatus: 'provisioning',
          ...f,
        },
        { quota: { maxRequests: 100, maxStorageGB: 1000 } },
      );
      const ready = await store.transition(request.id, {
        to: 'ready',
        actor: 'plugin:provisioning',
        action: 'provisioned',
        resourceEntityRefCandidates:
          databaseResourceEntityRefCandidates(request),
      });
      refs.set(request.id, ready.resourceEntityRef!);
    }
    const values = [...refs.values()];
    expect(new Set(values).size).toBe(filed.length);
    for (const ref of values) {
      expect(ref.split('/')[1].length).toBeLessThanOrEqual(63);
    }
    // Stable: a second transition does not move a ref once fixed.
    for (const [id, ref] of refs) {
      expect((await store.getRequest(id))!.resourceEntityRef).toBe(ref);
    }
  });

  it('refuses a second request holding an entity ref at the database level', async () => {
    const knex = await databases.init(databaseId);
    await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
    });
    const row = (id: string) => ({
      id,
      type: 'postgresql',
      name: 'x',
      owner: 'group:default/a',
      environment: 'production',
      size: 'small',
      storage_gb: 1,
      provider: 'sandbox',
      status: 'ready',
      requested_by: 'user:default/u',
      approval_required: false,
      created_at: new Date(),
      updated_at: new Date(),
      attempts: 0,
      resource_entity_ref: 'resource:default/x-production',
    });
    await knex('provisioning_requests').insert(
      row('00000000-0000-4000-8000-000000000001'),
    );
    // Checked by the database's own code for a unique violation: better-sqlite3's error can come
    // from another realm once a previous suite in the same jest worker loaded the driver, and then
    // is not `instanceof Error` here (toThrow() failed for that reason alone).
    await expect(
      knex('provisioning_requests').insert(
        row('00000000-0000-4000-8000-000000000002'),
      ),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^(SQLITE_CONSTRAINT_UNIQUE|23505)$/),
    });
  });
});
