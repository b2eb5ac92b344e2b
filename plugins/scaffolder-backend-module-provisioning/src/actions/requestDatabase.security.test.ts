import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
// The real provisioning backend answers, as beside the scaffolder in Paved's backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningPlugin from '@paved/plugin-provisioning-backend';
import provisioningModuleSandbox from '@paved/plugin-provisioning-backend-module-sandbox';
import { ProvisioningApiClient } from './ProvisioningApiClient';
import { createRequestDatabaseAction } from './requestDatabase';

/*
 * Trust rule: a template's database is requested as the person who runs the task, never as the
 * scaffolder. A golden path (or any template an author writes) cannot get a database for a team
 * the user is not in, nor file one with the scaffolder's own identity. The real provisioning
 * backend answers; the action calls it exactly as in production (plugin token on behalf of the
 * task's initiator).
 */

jest.setTimeout(120_000);

const SAM = 'user:default/sam.rivera';
const OLGA = 'user:default/olga.outsider';
const run = Date.now().toString(36);

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

describe('paved:database:request files as the task user only', () => {
  let server: any;
  let stop: () => Promise<void>;
  let action: ReturnType<typeof createRequestDatabaseAction>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        provisioningPlugin,
        provisioningModuleSandbox,
        catalogServiceMock.factory({
          entities: [
            group('payments'),
            group('data'),
            group('platform'),
            user('sam.rivera', 'payments'),
            user('olga.outsider', 'data'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            paved: { platformTeam: 'group:default/platform' },
            provisioning: {
              environments: {
                development: {
                  provider: 'sandbox',
                  sizes: ['small'],
                  storageGB: { min: 1, max: 20 },
                },
              },
              providers: {
                sandbox: {
                  connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
                },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    const port = (server.address() as AddressInfo).port;
    action = createRequestDatabaseAction({
      client: new ProvisioningApiClient(
        mockServices.discovery.mock({
          getBaseUrl: async () => `http://localhost:${port}/api/provisioning`,
        }),
        mockServices.auth(),
      ),
      appBaseUrl: 'http://localhost:3000',
      pollIntervalMs: 100,
      timeoutMs: 60_000,
    });
  });

  afterAll(async () => {
    await stop?.();
  });

  const runStep = (
    name: string,
    initiator: BackstageCredentials,
    owner = 'group:default/payments',
  ) => {
    const ctx = {
      ...createMockActionContext({
        input: {
          name,
          owner,
          environment: 'development',
          size: 'small',
          storageGB: 1,
        } as any,
        task: { id: `task-${name}` },
      }),
      getInitiatorCredentials: async () => initiator,
    } as any;
    return { ctx, done: action.handler(ctx) };
  };

  const requestsNamed = async (name: string, as: string) => {
    const res = await request(server)
      .get('/api/provisioning/requests')
      .set('authorization', mockCredentials.user.header(as));
    expect(res.status).toBe(200);
    const items = (res.body.items ?? res.body) as Array<{ name: string }>;
    return items.filter(r => r.name === name);
  };

  it('refuses a database for a team the task user is not in, and files nothing', async () => {
    const name = `attack-${run}`;
    const { done } = runStep(name, mockCredentials.user(OLGA));
    await expect(done).rejects.toThrow(
      /The database request was refused: 400 .*owner: user:default\/olga\.outsider is not a member of group:default\/payments/,
    );
    expect(await requestsNamed(name, SAM)).toEqual([]);
  });

  it("never files with the scaffolder's own identity", async () => {
    const name = `service-${run}`;
    // A task without a user (started by a service) hands the step the scaffolder's credentials.
    const { done } = runStep(
      name,
      mockCredentials.service('plugin:scaffolder'),
    );
    await expect(done).rejects.toThrow(
      /The database request was refused: 403 This endpoint does not allow 'service' credentials/,
    );
    expect(await requestsNamed(name, SAM)).toEqual([]);
  });

  it("files the owner team member's request in their name, with its audit trail", async () => {
    const name = `own-${run}`;
    const { ctx, done } = runStep(name, mockCredentials.user(SAM));
    await done;
    const id = ctx.output.mock.calls.find(
      ([key]: [string]) => key === 'requestId',
    )[1];
    try {
      const res = await request(server)
        .get(`/api/provisioning/requests/${id}`)
        .set('authorization', mockCredentials.user.header(SAM));
      expect(res.body).toMatchObject({ status: 'ready', requestedBy: SAM });
      expect(res.body.events[0]).toMatchObject({ actor: SAM });
    } finally {
      await request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('authorization', mockCredentials.user.header(SAM));
      for (let i = 0; i < 100; i++) {
        const res = await request(server)
          .get(`/api/provisioning/requests/${id}`)
          .set('authorization', mockCredentials.user.header(SAM));
        if (res.body.status === 'deleted') break;
        await new Promise(r => setTimeout(r, 200));
      }
    }
  });
});
