import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseRequest } from '@paved/plugin-provisioning-common';
import {
  databaseResourceEntity,
  resourceName,
  ProvisionedDatabaseEntityProvider,
} from './ProvisionedDatabaseEntityProvider';

const ready: DatabaseRequest = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  type: 'postgresql',
  name: 'orders',
  owner: 'group:default/payments',
  system: 'system:default/payments',
  component: 'component:default/payments-api',
  environment: 'production',
  size: 'medium',
  storageGB: 50,
  version: '16',
  provider: 'crossplane',
  status: 'ready',
  requestedBy: 'user:default/sam.rivera',
  approvalRequired: true,
  humanStep: true,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:05:00.000Z',
};

describe('ProvisionedDatabaseEntityProvider', () => {
  it('renders a database Resource linked to its request, owner and system', () => {
    const entity = databaseResourceEntity(ready, 'https://paved.example.com/');
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'orders-production',
        namespace: 'default',
        annotations: { 'paved.dev/provisioning-request': ready.id },
        links: [
          {
            url: `https://paved.example.com/provisioning/requests/${ready.id}`,
            title: 'Provisioning request',
          },
        ],
      },
      spec: {
        type: 'database',
        owner: 'group:default/payments',
        system: 'system:default/payments',
        dependencyOf: [
          'component:default/payments-api',
          'system:default/payments',
        ],
      },
    });
  });

  it('renders a Redis request as a Resource of type cache', () => {
    const entity = databaseResourceEntity(
      {
        ...ready,
        type: 'redis',
        name: 'sessions',
        version: '7.0',
        storageGB: 2,
        provider: 'sandbox',
      },
      'https://paved.example.com',
    );
    expect(entity.spec.type).toBe('cache');
    expect(entity.metadata.name).toBe('sessions-production');
    expect(entity.metadata.tags).toEqual(['redis', 'production']);
    expect(entity.metadata.description).toBe(
      'Redis 7.0 cache of group:default/payments for production, provisioned by Paved (sandbox).',
    );
    const postgres = databaseResourceEntity(ready, 'https://paved.example.com');
    expect(postgres.spec.type).toBe('database');
    expect(postgres.metadata.tags).toEqual(['postgresql', 'production']);
  });

  it('uses the entity ref fixed by the backend', () => {
    expect(resourceName(ready)).toBe('orders-production');
    expect(
      resourceName({
        ...ready,
        resourceEntityRef: 'resource:default/payments-orders-production',
      }),
    ).toBe('payments-orders-production');
  });

  it('replaces the catalog’s set with the ready requests on every refresh', async () => {
    const fetchMock = jest.fn(async (_url: string, _init?: any) => ({
      ok: true,
      status: 200,
      json: async () => ({ items: [ready] }),
    }));
    const provider = new ProvisionedDatabaseEntityProvider({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      appBaseUrl: 'http://localhost:3000',
      fetch: fetchMock as any,
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await provider.connect(connection);
    await provider.refresh();

    expect(fetchMock.mock.calls[0][0]).toMatch(
      /\/api\/provisioning\/requests\?status=ready$/,
    );
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toMatch(
      /^Bearer /,
    );
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        {
          entity: expect.objectContaining({ kind: 'Resource' }),
          locationKey: `paved-provisioning:${ready.id}`,
        },
      ],
    });

    // Deleted: the next full mutation is empty, so the entity goes away.
    fetchMock.mockResolvedValueOnce({
      ok: true,
      status: 200,
      json: async () => ({ items: [] }),
    });
    await provider.refresh();
    expect(connection.applyMutation).toHaveBeenLastCalledWith({
      type: 'full',
      entities: [],
    });
  });

  it('logs a payload that breaks the event schema with the reason, and does not act on it', async () => {
    const fetchMock = jest.fn();
    const logger = mockServices.logger.mock();
    const provider = new ProvisionedDatabaseEntityProvider({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger,
      appBaseUrl: 'http://localhost:3000',
      fetch: fetchMock as any,
    });
    await provider.connect({ applyMutation: jest.fn(), refresh: jest.fn() });
    await provider.onProvisioningEvent({ requestId: 'r-1', state: 'ready' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /does not match its schema: .*status: .*occurredAt/,
    );
  });
});
