import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
// Both backends run side by side in one backend here, joined only by the events service.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningPlugin from '@paved/plugin-provisioning-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningSandboxModule from '@paved/plugin-provisioning-backend-module-sandbox';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';

jest.setTimeout(120_000);

const SAM = 'user:default/sam.rivera';
const PRIYA = 'user:default/priya.natarajan';

const user = (name: string, group: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [group] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
});
const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

/**
 * The real provisioning backend (its sandbox provider module on the local PostgreSQL) and the real
 * devex backend in one backend, joined only by the events service, as in production.
 */
describe('self-service ratio from the real provisioning backend', () => {
  it('counts requests that reached ready without a person as automated, also after they are deleted', async () => {
    const run = `ss${Date.now().toString(36)}`;
    const backend = await startDevexTestBackend({
      entities: [
        group('payments'),
        group('platform'),
        user('sam.rivera', 'payments'),
        user('priya.natarajan', 'platform'),
      ],
      config: {
        paved: { platformTeam: 'group:default/platform' },
        provisioning: {
          environments: {
            development: {
              provider: 'sandbox',
              sizes: ['small'],
              storageGB: { min: 1, max: 5 },
            },
            production: {
              provider: 'sandbox',
              requiresApproval: true,
              storageGB: { min: 1, max: 50 },
            },
          },
          quotas: { default: { maxRequests: 20, maxStorageGB: 500 } },
          providers: {
            sandbox: {
              connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
            },
          },
        },
      },
      features: [provisioningPlugin, provisioningSandboxModule],
    });
    const { server } = backend;
    const as = (userRef: string) => mockCredentials.user.header(userRef);

    const file = async (name: string, environment = 'development') => {
      const res = await request(server)
        .post('/api/provisioning/requests')
        .set('Authorization', as(SAM))
        .send({
          type: 'postgresql',
          name,
          owner: 'group:default/payments',
          environment,
          size: 'small',
          storageGB: 1,
        });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const waitFor = async (id: string, status: string) => {
      for (let i = 0; i < 300; i++) {
        const res = await request(server)
          .get(`/api/provisioning/requests/${id}`)
          .set('Authorization', as(SAM));
        if (res.body.status === status) return;
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error(`request ${id} never reached ${status}`);
    };
    const selfService = async () => {
      const res = await request(server)
        .get('/api/devex/devex/measures')
        .set('Authorization', as(SAM));
      expect(res.status).toBe(200);
      return res.body.selfService;
    };

    const sandboxes = [];
    for (let i = 0; i < 4; i++) sandboxes.push(await file(`${run}-${i}`));
    for (const id of sandboxes) await waitFor(id, 'ready');

    // A production database needs the platform team's approval: a person acted, not self-service.
    const production = await file(`${run}-prod`, 'production');
    await waitFor(production, 'awaiting-approval');
    const approved = await request(server)
      .post(`/api/provisioning/requests/${production}/approve`)
      .set('Authorization', as(PRIYA))
      .send({ comment: 'ok' });
    expect(approved.status).toBe(200);
    await waitFor(production, 'ready');

    expect(await selfService()).toEqual({
      ratio: 4 / 5,
      automated: 4,
      total: 5,
    });

    // Deleting sandboxes after use is the normal end of their life, not a change of how they came.
    for (const id of [...sandboxes.slice(0, 2), production]) {
      const deleted = await request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('Authorization', as(SAM));
      expect(deleted.status).toBe(202);
    }
    for (const id of [...sandboxes.slice(0, 2), production]) {
      await waitFor(id, 'deleted');
    }
    expect(await selfService()).toEqual({
      ratio: 4 / 5,
      automated: 4,
      total: 5,
    });

    for (const id of sandboxes.slice(2)) {
      await request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('Authorization', as(SAM));
      await waitFor(id, 'deleted');
    }
    await backend.stop();
  });
});
