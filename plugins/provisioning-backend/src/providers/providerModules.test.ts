import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import {
  DatabaseProvider,
  ProviderContext,
  provisioningProvidersExtensionPoint,
} from '@paved/plugin-provisioning-node';
import request from 'supertest';
import { provisioningPlugin } from '../plugin';
import { ProviderRegistry } from './ProviderRegistry';

jest.setTimeout(60_000);

const SAM = 'user:default/sam.rivera';

/** A provider of another vendor, as a team would ship it in a module of its own. */
function vendorModule(calls: string[]) {
  const provider: DatabaseProvider = {
    async provision(req, ctx) {
      calls.push(`provision ${req.name}`);
      const password = await ctx.secrets.getOrCreate(
        req.id,
        () => 'from-vendor',
      );
      return {
        state: 'ready',
        outputs: {
          host: 'db.vendor.example',
          port: 5432,
          database: req.name,
          username: req.name,
          credentialsRef: `paved-secret:${req.id}`,
          issued: password.length,
        },
      };
    },
    async status() {
      return { state: 'pending' };
    },
    async deprovision(req) {
      calls.push(`deprovision ${req.name}`);
    },
  };
  return createBackendModule({
    pluginId: 'provisioning',
    moduleId: 'vendor-postgres',
    register(reg) {
      reg.registerInit({
        deps: { providers: provisioningProvidersExtensionPoint },
        async init({ providers }) {
          providers.addProvider({
            id: 'vendor-postgres',
            create: () => ({ postgresql: provider }),
          });
        },
      });
    },
  });
}

describe('provisioningProvidersExtensionPoint', () => {
  it('takes a request to ready through a provider that a module added', async () => {
    const calls: string[] = [];
    const { server } = await startTestBackend({
      features: [
        provisioningPlugin,
        vendorModule(calls),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            provisioning: {
              environments: {
                development: { provider: 'vendor-postgres' },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'payments', namespace: 'default' },
              spec: { type: 'team', children: [] },
            },
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'sam.rivera', namespace: 'default' },
              spec: { memberOf: ['payments'] },
              relations: [
                { type: 'memberOf', targetRef: 'group:default/payments' },
              ],
            },
          ],
        }),
      ],
    });

    const created = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send({
        type: 'postgresql',
        name: 'ledger',
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 5,
      });
    expect(created.status).toBe(201);
    expect(created.body.provider).toBe('vendor-postgres');

    let status = created.body.status;
    for (let i = 0; i < 50 && status !== 'ready'; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      const read = await request(server)
        .get(`/api/provisioning/requests/${created.body.id}`)
        .set('Authorization', mockCredentials.user.header(SAM));
      status = read.body.status;
    }
    expect(status).toBe('ready');
    expect(calls).toEqual(['provision ledger']);

    // The provider kept its secret in the plugin's encrypted store, handed out to the owner.
    const credentials = await request(server)
      .get(`/api/provisioning/requests/${created.body.id}/credentials`)
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(credentials.body).toMatchObject({
      host: 'db.vendor.example',
      password: 'from-vendor',
    });

    // The provider lists no Redis implementation: a Redis request is refused before it is stored.
    const redis = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send({
        type: 'redis',
        name: 'sessions',
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 1,
      });
    expect(redis.status).toBe(400);
    expect(redis.body.error.message).toContain(
      'type: provider "vendor-postgres" of development does not serve redis; it serves postgresql (rule: provider-engines)',
    );
  });

  it('names the module to add when config uses a provider no module registers', async () => {
    const logger = mockServices.logger.mock();
    const registry = await ProviderRegistry.create({
      registrations: [],
      used: ['sandbox'],
      logger,
    });
    expect(() => registry.get('sandbox', 'postgresql')).toThrow(
      /Provider "sandbox" is not available: no module registers it; add e.g. @paved\/plugin-provisioning-backend-module-sandbox/,
    );
    expect(logger.error).toHaveBeenCalled();
  });

  it("routes each request to the provider's implementation of its engine", async () => {
    const served: string[] = [];
    const engine = (label: string): DatabaseProvider => ({
      async provision(req) {
        served.push(`${label} ${req.name}`);
        return { state: 'pending' };
      },
      async status() {
        return { state: 'pending' };
      },
      async deprovision() {},
    });
    const registry = await ProviderRegistry.create({
      registrations: [
        {
          id: 'both',
          create: () => ({ postgresql: engine('pg'), redis: engine('redis') }),
        },
        { id: 'pg-only', create: () => ({ postgresql: engine('pg-only') }) },
      ],
      used: ['both', 'pg-only'],
      logger: mockServices.logger.mock(),
    });
    const ctx = {} as ProviderContext;
    await registry
      .get('both', 'redis')
      .provision({ name: 'sessions' } as DatabaseRequest, ctx);
    await registry
      .get('both', 'postgresql')
      .provision({ name: 'orders' } as DatabaseRequest, ctx);
    expect(served).toEqual(['redis sessions', 'pg orders']);
    expect(registry.engines('both')).toEqual(['postgresql', 'redis']);
    expect(() => registry.get('pg-only', 'redis')).toThrow(
      'Provider "pg-only" does not serve redis; it serves postgresql',
    );
  });
});
