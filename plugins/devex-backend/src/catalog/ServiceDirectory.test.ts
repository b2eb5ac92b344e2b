import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { ServiceDirectory } from './ServiceDirectory';

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
});

describe('ServiceDirectory', () => {
  it('finds a group the catalog ingested after the cached snapshot, and 404s a group that does not exist', async () => {
    const entities: Entity[] = [
      group('payments'),
      component('ledger', 'payments'),
    ];
    const catalog = catalogServiceMock({ entities });
    let clock = 0;
    const directory = new ServiceDirectory({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      cacheMs: 60_000,
      now: () => clock,
    });
    await expect(
      directory.servicesOwnedBy('group:default/payments'),
    ).resolves.toEqual(['component:default/ledger']);

    // A new team appears in the catalog while the snapshot is cached.
    const getEntities = jest.spyOn(catalog, 'getEntities');
    getEntities.mockResolvedValue({
      items: [...entities, group('search'), component('indexer', 'search')],
    });
    clock += 10_000;
    await expect(
      directory.servicesOwnedBy('group:default/search'),
    ).resolves.toEqual(['component:default/indexer']);

    // An unknown group is looked for once more only when the snapshot is older than a moment.
    const calls = getEntities.mock.calls.length;
    await expect(
      directory.servicesOwnedBy('group:default/nobody'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'group group:default/nobody is not in the catalog',
    });
    expect(getEntities.mock.calls.length).toBe(calls);
    clock += 10_000;
    await expect(
      directory.servicesOwnedBy('group:default/nobody'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(getEntities.mock.calls.length).toBe(calls + 1);
  });
});
