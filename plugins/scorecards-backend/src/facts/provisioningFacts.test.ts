import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
// The real provisioning plugin and two of its providers beside scorecards: the facts come from
// its HTTP API as in the portal.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningPlugin from '@paved/plugin-provisioning-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningSandboxModule from '@paved/plugin-provisioning-backend-module-sandbox';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningCrossplaneModule from '@paved/plugin-provisioning-backend-module-crossplane';
import { GitRepository } from '@paved/plugin-provisioning-node';
import { scorecardsPlugin } from '../plugin';

/*
 * The provisioning fact source on real data: a sandbox database on the local PostgreSQL and a
 * Crossplane PostgreSQLInstance committed to a GitOps repository on disk, both requested for
 * component orders through the real provisioning backend. Scorecards read them through its API;
 * a colleague then edits the committed manifest outside Paved and the drift check fails.
 */

jest.setTimeout(180_000);

const catalogYaml = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: sam.rivera }
spec: { memberOf: [payments] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: payments }
spec: { owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: orders, description: Orders }
spec: { type: service, lifecycle: production, owner: payments, system: payments }
`;

async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  ms = 120_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

describe('provisioning facts from the real provisioning backend', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scorecards-provisioning-'));
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  it('reports databases past their TTL and unapproved drift, and fails the check on a manual edit', async () => {
    const gitDir = path.join(tmp, 'git');
    const catalogFile = path.join(tmp, 'catalog.yaml');
    await fs.writeFile(catalogFile, catalogYaml);
    const backend = await startTestBackend({
      features: [
        scorecardsPlugin,
        provisioningPlugin,
        provisioningSandboxModule,
        provisioningCrossplaneModule,
        catalogPlugin,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            paved: {
              platformTeam: 'group:default/platform',
              dataDirectory: path.join(tmp, 'data'),
              gitHost: { directory: gitDir },
            },
            catalog: {
              rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
              locations: [{ type: 'file', target: catalogFile }],
            },
            provisioning: {
              environments: {
                development: {
                  provider: 'sandbox',
                  sizes: ['small'],
                  storageGB: { min: 1, max: 20 },
                },
                staging: {
                  provider: 'crossplane',
                  sizes: ['small', 'medium'],
                  storageGB: { min: 1, max: 100 },
                },
              },
              providers: {
                sandbox: {
                  connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
                },
              },
            },
            scorecards: {
              checks: [
                {
                  id: 'no-databases-past-ttl',
                  title: 'No databases past their time to live',
                  description: 'd',
                  fact: 'provisioning.databasesPastTtl',
                  operator: '==',
                  threshold: 0,
                  howToFix: 'x',
                },
                {
                  id: 'no-unapproved-drift',
                  title: 'Databases as approved',
                  description: 'd',
                  fact: 'provisioning.unapprovedDrift',
                  operator: '==',
                  threshold: 0,
                  howToFix: 'x',
                },
              ],
              scorecards: [
                {
                  id: 'databases',
                  title: 'Databases',
                  description: 'd',
                  levels: {
                    bronze: ['no-databases-past-ttl'],
                    silver: ['no-unapproved-drift'],
                    gold: [],
                  },
                },
              ],
            },
          },
        }),
      ],
    });
    const sam = mockCredentials.user.header('user:default/sam.rivera');
    const api = (method: 'get' | 'post' | 'delete', url: string) =>
      request(backend.server)[method](url).set('Authorization', sam);
    const requestDatabase = async (body: Record<string, unknown>) => {
      const res = await api('post', '/api/provisioning/requests').send({
        type: 'postgresql',
        owner: 'group:default/payments',
        component: 'component:default/orders',
        size: 'small',
        storageGB: 5,
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const scorecard = async () => {
      const res = await api(
        'post',
        '/api/scorecards/entities/component/default/orders/refresh',
      );
      expect(res.status).toBe(200);
      const facts = Object.fromEntries(
        res.body.facts.map((f: any) => [f.factId, f]),
      );
      const checks = Object.fromEntries(
        res.body.scorecards
          .flatMap((s: any) => s.checks)
          .map((c: any) => [c.checkId, c]),
      );
      return { facts, checks, level: res.body.scorecards[0]?.level };
    };

    let sandboxId: string | undefined;
    try {
      await waitFor(async () => {
        const user = await api(
          'get',
          '/api/catalog/entities/by-name/user/default/sam.rivera',
        );
        const component = await api(
          'get',
          '/api/catalog/entities/by-name/component/default/orders',
        );
        return user.body.relations?.length > 0 && component.status === 200;
      }, 'the catalog');

      sandboxId = await requestDatabase({
        name: 'orders-dev',
        environment: 'development',
      });
      const crossplaneId = await requestDatabase({
        name: 'ledger',
        environment: 'staging',
      });
      await waitFor(async () => {
        const res = await api('get', `/api/provisioning/requests/${sandboxId}`);
        return res.body.status === 'ready';
      }, 'the sandbox database');
      await waitFor(async () => {
        const res = await api(
          'get',
          `/api/provisioning/requests/${crossplaneId}/drift`,
        );
        return res.body.state === 'in-sync';
      }, 'the Crossplane manifest to be committed');

      const before = await scorecard();
      expect(before.facts['provisioning.databasesPastTtl']).toMatchObject({
        status: 'known',
        value: 0,
        reason: 'no ready database past its expiry',
      });
      expect(before.facts['provisioning.unapprovedDrift']).toMatchObject({
        status: 'known',
        value: 0,
        reason:
          '1 database as approved; 1 whose provider keeps no declared state',
      });
      expect(before.checks['no-unapproved-drift'].status).toBe('pass');
      expect(before.level).toBe('silver');

      // Someone with push rights edits the committed manifest, outside Paved.
      const colleague = new GitRepository({
        url: path.join(gitDir, 'infrastructure-gitops.git'),
        branch: 'main',
        authorName: 'Lee Chen',
        authorEmail: 'lee.chen@example.com',
        createIfMissing: false,
      });
      const file = 'databases/payments/ledger-staging.yaml';
      const committed = (await colleague.readFile(file))!;
      await colleague.commitFiles(
        [
          {
            path: file,
            content: committed.replace('storageGB: 5', 'storageGB: 90'),
          },
        ],
        'More room',
      );

      const after = await scorecard();
      expect(after.facts['provisioning.unapprovedDrift']).toMatchObject({
        status: 'known',
        value: 1,
        reason: `ledger (staging): ${file} differs from the approved request in spec.storageGB`,
      });
      expect(after.checks['no-unapproved-drift'].status).toBe('fail');
      expect(after.level).toBe('bronze');
    } finally {
      if (sandboxId) {
        await api('delete', `/api/provisioning/requests/${sandboxId}`);
        await waitFor(async () => {
          const res = await api(
            'get',
            `/api/provisioning/requests/${sandboxId}`,
          );
          return res.body.status === 'deleted';
        }, 'the sandbox database to be removed').catch(() => undefined);
      }
      await backend.stop();
    }
  });
});
