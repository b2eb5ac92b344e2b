import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const minute = (n: number) => Date.parse('2026-12-07T10:00:00Z') + n * 60_000;

describe.each(ids)('KnexPlatformMeasuresStore on %s', databaseId => {
  async function createStore() {
    const { measures } = await createTestStores(
      await databases.init(databaseId),
    );
    return measures;
  }

  it('keeps the golden path’s creation over a catalog sighting, in either order', async () => {
    const store = await createStore();
    const golden = {
      entityRef: 'component:default/Orders',
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.1.0',
      createdAt: minute(0),
      origin: 'golden-path' as const,
    };
    const sighting = {
      ...golden,
      templateVersion: null,
      createdAt: minute(30),
      origin: 'catalog' as const,
    };
    await store.recordServiceCreation(sighting);
    await store.recordServiceCreation(golden);
    await store.recordServiceCreation(sighting);
    expect(await store.listServiceCreations()).toEqual([
      { ...golden, entityRef: 'component:default/orders' },
    ]);
  });

  it('counts a request automated when it reached ready with no person, whatever comes after', async () => {
    const store = await createStore();
    const change = (
      requestId: string,
      status: 'awaiting-approval' | 'provisioning' | 'ready' | 'deleted',
      humanStep: boolean,
      at: number,
    ) =>
      store.recordProvisioningRequest({
        requestId,
        status,
        humanStep,
        occurredAt: minute(at),
      });
    // Self-service, then deleted: still automated.
    await change('sandbox', 'provisioning', false, 0);
    await change('sandbox', 'ready', false, 1);
    await change('sandbox', 'deleted', false, 9);
    // Approved by a person: fulfilled, not automated.
    await change('approved', 'awaiting-approval', false, 0);
    await change('approved', 'ready', true, 5);
    // Out of order: the ready event arrives after the later deletion.
    await change('late', 'deleted', false, 9);
    await change('late', 'ready', false, 2);
    // Never fulfilled.
    await change('pending', 'awaiting-approval', false, 0);
    // Redelivered events change nothing.
    await change('sandbox', 'ready', false, 1);

    expect(await store.provisioningCounts()).toEqual({
      total: 4,
      automated: 2,
      fulfilled: 3,
    });
  });

  it('generates an installation key once, the same for every caller', async () => {
    const store = await createStore();
    const [a, b] = await Promise.all([
      store.installationKey('survey-pseudonym'),
      store.installationKey('survey-pseudonym'),
    ]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(await store.installationKey('other')).not.toBe(a);
  });
});
