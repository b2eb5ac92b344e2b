import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DatabaseProvider,
  provisioningProvidersExtensionPoint,
} from '@paved/plugin-provisioning-node';
import request from 'supertest';
import { provisioningPlugin } from '../plugin';

jest.setTimeout(60_000);

const SAM = 'user:default/sam.rivera';
const auth = mockCredentials.user.header(SAM);

/**
 * A GitOps-style Redis provider of another vendor: it plans restores (the diff approvers see),
 * and explains why it has no credential rotation.
 */
function vendorRedisModule() {
  const provider: DatabaseProvider = {
    async provision(req) {
      return {
        state: 'ready',
        outputs: {
          host: 'cache.vendor.example',
          port: 6379,
          database: '0',
          username: 'default',
          credentialsRef: `vendor:${req.id}`,
        },
      };
    },
    async status() {
      return { state: 'pending' };
    },
    async deprovision() {},
    operations: {
      unsupported: {
        'rotate-credentials':
          'the vendor keeps the AUTH token in its own vault; rotate it there',
      },
      async snapshot(req, id) {
        return {
          location: `vendor:${req.id}/${id}`,
          sizeBytes: 1024,
          message: 'committed; taken on the next apply',
        };
      },
      async planRestore(req, snapshot) {
        return {
          diff: `--- a/${req.name}.yaml\n+++ b/${req.name}.yaml\n@@ -1 +1,2 @@\n name: ${req.name}\n+restoreFrom: ${snapshot.id}\n`,
        };
      },
      async restore() {},
    },
  };
  return createBackendModule({
    pluginId: 'provisioning',
    moduleId: 'vendor-redis',
    register(reg) {
      reg.registerInit({
        deps: { providers: provisioningProvidersExtensionPoint },
        async init({ providers }) {
          providers.addProvider({
            id: 'vendor-redis',
            create: () => ({ redis: provider }),
          });
        },
      });
    },
  });
}

describe('operations a provider offers, plans and refuses', () => {
  it('answers 409 naming the operation, the engine, the provider and its reason; stores the planned diff of a restore', async () => {
    const { server } = await startTestBackend({
      features: [
        provisioningPlugin,
        vendorRedisModule(),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            provisioning: {
              environments: { development: { provider: 'vendor-redis' } },
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
      .set('Authorization', auth)
      .send({
        type: 'redis',
        name: 'sessions',
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 1,
      });
    expect(created.status).toBe(201);
    const base = `/api/provisioning/requests/${created.body.id}`;
    const poll = async (url: string, done: (b: any) => boolean) => {
      for (let i = 0; i < 50; i++) {
        const res = await request(server).get(url).set('Authorization', auth);
        if (done(res.body)) return res.body;
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error(`${url} never got there`);
    };
    await poll(base, b => b.status === 'ready');
    const operate = (payload: object) =>
      request(server)
        .post(`${base}/operations`)
        .set('Authorization', auth)
        .send(payload);

    const rotate = await operate({ type: 'rotate-credentials' });
    expect(rotate.status).toBe(409);
    expect(rotate.body.error.message).toBe(
      `rotate-credentials is not available for Redis on provider "vendor-redis" (request ${created.body.id}): the vendor keeps the AUTH token in its own vault; rotate it there`,
    );
    // Without a stated reason the message still names operation, engine and provider.
    const resize = await operate({ type: 'resize', size: 'medium' });
    expect(resize.status).toBe(409);
    expect(resize.body.error.message).toBe(
      `resize is not available for Redis on provider "vendor-redis" (request ${created.body.id})`,
    );

    const snapshot = await operate({ type: 'snapshot' });
    expect(snapshot.status).toBe(201);
    await poll(
      `${base}/operations/${snapshot.body.id}`,
      o => o.status === 'done',
    );
    const restore = await operate({
      type: 'restore',
      snapshotId: snapshot.body.id,
    });
    expect(restore.status).toBe(201);
    expect(restore.body.plannedChange).toBe(
      `--- a/sessions.yaml\n+++ b/sessions.yaml\n@@ -1 +1,2 @@\n name: sessions\n+restoreFrom: ${snapshot.body.id}\n`,
    );

    const done = await poll(
      `${base}/operations/${restore.body.id}`,
      o => o.status === 'done',
    );
    // Listed from what the provider reported once it committed them, never with their location.
    const listed = await request(server)
      .get(`${base}/snapshots`)
      .set('Authorization', auth);
    expect(
      listed.body.items
        .map((s: any) => [s.id, s.kind, s.sizeBytes, s.location])
        .sort(),
    ).toEqual(
      [
        [snapshot.body.id, 'manual', 1024, undefined],
        [done.result.safetySnapshotId, 'safety', 1024, undefined],
      ].sort(),
    );
    const trail = await request(server).get(base).set('Authorization', auth);
    expect(JSON.stringify(trail.body)).toContain(
      `Snapshot ${snapshot.body.id}: committed; taken on the next apply`,
    );
  });
});
