import type {
  DatabaseRequest,
  DatabaseRequestWithEvents,
} from '@paved/plugin-provisioning-common';
import type { ProvisioningApi } from '../api/ProvisioningApi';

export function databaseRequest(
  overrides: Partial<DatabaseRequest> = {},
): DatabaseRequest {
  return {
    id: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
    type: 'postgresql',
    name: 'orders',
    owner: 'group:default/payments',
    system: 'system:default/payments',
    environment: 'development',
    size: 'small',
    storageGB: 10,
    version: '16',
    provider: 'sandbox',
    status: 'ready',
    requestedBy: 'user:default/sam.rivera',
    approvalRequired: false,
    humanStep: false,
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:01:00.000Z',
    ...overrides,
  };
}

export function readyRequestWithEvents(): DatabaseRequestWithEvents {
  return {
    ...databaseRequest({
      outputs: {
        host: '127.0.0.1',
        port: 5432,
        database: 'payments_orders_development',
        username: 'payments_orders_development',
        credentialsRef: 'paved-secret:0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
      },
    }),
    events: [
      {
        id: 1,
        requestId: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
        actor: 'user:default/sam.rivera',
        action: 'created',
        toStatus: 'provisioning',
        createdAt: '2026-11-23T10:00:00.000Z',
      },
      {
        id: 2,
        requestId: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
        actor: 'plugin:provisioning',
        action: 'provisioning-attempt',
        message: 'creating database payments_orders_development',
        createdAt: '2026-11-23T10:00:10.000Z',
      },
      {
        id: 3,
        requestId: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
        actor: 'plugin:provisioning',
        action: 'ready',
        fromStatus: 'provisioning',
        toStatus: 'ready',
        message: 'accepted a connection with the issued credentials',
        createdAt: '2026-11-23T10:01:00.000Z',
      },
    ],
  };
}

export function mockProvisioningApi(
  overrides: Partial<ProvisioningApi> = {},
): jest.Mocked<ProvisioningApi> {
  return {
    listRequests: jest.fn().mockResolvedValue([]),
    getRequest: jest.fn().mockResolvedValue(readyRequestWithEvents()),
    approveRequest: jest
      .fn()
      .mockResolvedValue(databaseRequest({ status: 'provisioning' })),
    rejectRequest: jest
      .fn()
      .mockResolvedValue(databaseRequest({ status: 'rejected' })),
    deleteRequest: jest
      .fn()
      .mockResolvedValue(databaseRequest({ status: 'deprovisioning' })),
    extendRequest: jest.fn().mockResolvedValue(databaseRequest()),
    getCredentials: jest.fn().mockResolvedValue({
      host: '127.0.0.1',
      port: 5432,
      database: 'payments_orders_development',
      username: 'payments_orders_development',
      password: 's3cr3t-from-the-store',
      connectionString:
        'postgresql://payments_orders_development:s3cr3t-from-the-store@127.0.0.1:5432/payments_orders_development',
    }),
    getPolicy: jest.fn(),
    getPrices: jest.fn().mockResolvedValue({
      currency: 'EUR',
      providers: {},
      default: {
        sizes: { small: 30, medium: 90, large: 250 },
        storageGBMonthly: 0.12,
      },
    }),
    reviewOperation: jest.fn().mockResolvedValue({}),
    getCosts: jest.fn().mockResolvedValue({ currency: 'EUR', items: [] }),
    listApprovals: jest.fn().mockResolvedValue({ items: [], environments: [] }),
    ...overrides,
  } as jest.Mocked<ProvisioningApi>;
}
