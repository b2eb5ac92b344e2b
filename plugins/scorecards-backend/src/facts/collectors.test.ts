import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import express from 'express';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import type {
  DatabaseDrift,
  DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import {
  LocalGitHost,
  gitHostUrlReaderFactory,
} from '@paved/plugin-githost-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplates from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import devexPlugin from '@paved/plugin-devex-backend';
import { scorecardsPlugin } from '../plugin';

jest.setTimeout(120_000);

const GIT_BASE = 'http://githost.test';
const identity = { name: 'Test', email: 'test@example.com' };

/** A hardened service repository, as the golden path writes it. */
async function writeServiceRepository(dir: string) {
  const files: Record<string, string> = {
    CODEOWNERS: '* @payments\n',
    'docs/runbook.md': '# Runbook\n',
    '.github/workflows/ci.yaml':
      'jobs:\n  image:\n    steps:\n      - uses: aquasecurity/trivy-action@0.28.0\n',
    'chart/templates/deployment.yaml': [
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - securityContext:',
      '            runAsNonRoot: true',
      '            readOnlyRootFilesystem: true',
      '            allowPrivilegeEscalation: false',
    ].join('\n'),
  };
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), content);
  }
}

const catalogYaml = (repoUrl: string) => `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: checkout }
spec: { owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-api }
spec: { type: openapi, lifecycle: production, owner: payments, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-events }
spec: { type: asyncapi, lifecycle: production, owner: payments, definition: " " }
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: typescript-service
  annotations: { paved.dev/template-version: 1.1.0 }
spec: { owner: payments, type: service, steps: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  description: Takes orders
  annotations:
    backstage.io/source-location: url:${repoUrl}
    backstage.io/techdocs-ref: dir:.
    paved.dev/template: template:default/typescript-service
    paved.dev/template-version: 1.0.0
spec:
  type: service
  lifecycle: production
  owner: payments
  system: checkout
  providesApis: [orders-api, orders-events]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy
  annotations:
    backstage.io/source-location: url:${GIT_BASE}/api/githost/missing/tree/main/
spec: { type: service, lifecycle: deprecated, owner: user:default/nobody }
`;

describe('fact collectors on real sources', () => {
  let tmp: string;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scorecards-facts-'));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('reads the catalog, a local git repository, DevEx and provisioning, and says why what it cannot read is unknown', async () => {
    const gitDir = path.join(tmp, 'git');
    const source = path.join(tmp, 'orders');
    await writeServiceRepository(source);
    await new LocalGitHost(gitDir).publish({
      name: 'orders',
      sourceDirectory: source,
      author: identity,
      committer: identity,
      message: 'Initial commit',
      taskId: 'test',
    });
    const catalogFile = path.join(tmp, 'catalog.yaml');
    await fs.writeFile(
      catalogFile,
      catalogYaml(`${GIT_BASE}/api/githost/orders/tree/main/`),
    );

    // Provisioning's API as provisioning-common types it: one ready database past its expiry,
    // one still within it. (The real backend cannot hold an expired ready database without
    // waiting out a time to live.)
    const requests: Partial<DatabaseRequest>[] = [
      {
        id: 'a',
        name: 'orders-scratch',
        environment: 'ephemeral',
        status: 'ready',
        component: 'component:default/orders',
        expiresAt: '2020-01-01T00:00:00Z',
      },
      {
        id: 'b',
        name: 'orders-fresh',
        environment: 'ephemeral',
        status: 'ready',
        component: 'component:default/orders',
        expiresAt: '2999-01-01T00:00:00Z',
      },
    ];
    const provisioning = createBackendPlugin({
      pluginId: 'provisioning',
      register(env) {
        env.registerInit({
          deps: {
            httpRouter: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
          },
          async init({ httpRouter, httpAuth }) {
            const router = express.Router();
            router.get('/requests', async (req, res) => {
              await httpAuth.credentials(req);
              expect(req.query.status).toBe('provisioning,ready');
              res.json({ items: requests });
            });
            // Drift as provisioning-common's databaseDriftSchema types it: the fresh one was
            // edited in the GitOps repository outside Paved.
            router.get('/requests/:id/drift', async (req, res) => {
              await httpAuth.credentials(req);
              const drift: DatabaseDrift = {
                requestId: req.params.id,
                state: req.params.id === 'b' ? 'drifted' : 'in-sync',
                detail:
                  req.params.id === 'b'
                    ? 'databases/payments/orders-fresh-ephemeral.yaml differs from the approved request in spec.size'
                    : 'matches the approved request',
                checkedAt: new Date().toISOString(),
              };
              res.json(drift);
            });
            httpRouter.use(router);
          },
        });
      },
    });

    const { server } = await startTestBackend({
      features: [
        scorecardsPlugin,
        provisioning,
        catalogPlugin,
        catalogModuleTemplates,
        devexPlugin,
        gitHostUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: GIT_BASE },
            paved: { gitHost: { directory: gitDir } },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Group',
                    'Template',
                    'Location',
                  ],
                },
              ],
              locations: [{ type: 'file', target: catalogFile }],
            },
            devex: {
              github: { webhookSecret: 's' },
              surveys: { pseudonymSecret: 'p' },
            },
            scorecards: {
              checks: [
                {
                  id: 'owner',
                  title: 'Owner',
                  description: 'd',
                  fact: 'catalog.ownerIsGroup',
                  operator: '==',
                  threshold: true,
                  howToFix: 'x',
                },
              ],
            },
          },
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: jest.fn() }),
        }),
      ],
    });

    // Ten production deployments a week for orders, reported to the real DevEx backend.
    const now = Date.now();
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `deploy-${i}`,
      source: 'ci',
      subject: 'component:default/orders',
      type: 'deployment',
      data: {
        environment: 'production',
        status: 'success',
        finishedAt: new Date(now - i * 12 * 3_600_000).toISOString(),
        commits: [
          {
            sha: `abcdef${String(i).padStart(2, '0')}`,
            committedAt: new Date(
              now - i * 12 * 3_600_000 - 3_600_000,
            ).toISOString(),
          },
        ],
      },
    }));
    const ingest = await request(server)
      .post('/api/devex/events')
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:ci'),
          targetPluginId: 'devex',
        }),
      )
      .send({ events });
    expect(ingest.status).toBe(202);

    const factsOf = async (name: string) => {
      let response: request.Response | undefined;
      // The catalog processes the file location first; the first view then measures the entity.
      for (let attempt = 0; attempt < 60; attempt++) {
        response = await request(server)
          .get(`/api/scorecards/entities/component/default/${name}`)
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/sam'),
          );
        if (
          response.status === 200 &&
          response.body.facts.some(
            (f: any) => f.factId === 'catalog.hasSystem' && f.value === true,
          ) ===
            (name === 'orders')
        )
          break;
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
      expect(response!.status).toBe(200);
      return Object.fromEntries(
        response!.body.facts.map((f: any) => [f.factId, f]),
      );
    };

    const orders = await factsOf('orders');
    expect(orders['catalog.ownerIsGroup']).toMatchObject({
      value: true,
      reason: 'owned by group:default/payments',
    });
    expect(orders['catalog.hasSystem']).toMatchObject({ value: true });
    expect(orders['catalog.hasDocs']).toMatchObject({ value: true });
    expect(orders['catalog.lifecycle']).toMatchObject({ value: 'production' });
    expect(orders['catalog.providedApis']).toMatchObject({ value: 2 });
    expect(orders['catalog.apisHaveDefinitions']).toMatchObject({
      value: false,
      reason: 'without a definition: api:default/orders-events',
    });
    expect(orders['repo.hasRunbook']).toMatchObject({
      value: true,
      reason: 'found docs/runbook.md',
    });
    expect(orders['repo.hasCodeowners']).toMatchObject({ value: true });
    expect(orders['repo.ciImageScan']).toMatchObject({
      value: true,
      reason: 'image scan in .github/workflows/ci.yaml',
    });
    expect(orders['repo.chartSecurityContext']).toMatchObject({ value: true });
    expect(orders['goldenPath.templateBehind']).toMatchObject({
      value: true,
      reason:
        'made from template:default/typescript-service 1.0.0, latest 1.1.0',
    });
    // 40 deployments over 20 days of a 90-day window: about three a week, DORA's "high".
    expect(orders['dora.deploymentFrequencyLevel']).toMatchObject({
      status: 'known',
      value: 'high',
    });
    expect(orders['dora.changeFailureRateLevel']).toMatchObject({
      status: 'known',
      value: 'elite',
    });
    expect(orders['provisioning.databasesPastTtl']).toMatchObject({
      value: 1,
      reason: 'orders-scratch (ephemeral) expired 2020-01-01T00:00:00Z',
    });
    expect(orders['provisioning.unapprovedDrift']).toMatchObject({
      status: 'known',
      value: 1,
      reason:
        'orders-fresh (ephemeral): databases/payments/orders-fresh-ephemeral.yaml differs from the approved request in spec.size',
    });

    const legacy = await factsOf('legacy');
    expect(legacy['catalog.ownerIsGroup']).toMatchObject({
      value: false,
      reason: 'user:default/nobody is not a group',
    });
    expect(legacy['catalog.hasSystem']).toMatchObject({
      value: false,
      reason: 'no spec.system',
    });
    expect(legacy['repo.hasRunbook']).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(
        /^the repository at http:\/\/githost.test\/api\/githost\/missing\/tree\/main\/ could not be read/,
      ),
    });
    expect(legacy['dora.deploymentFrequencyLevel']).toMatchObject({
      status: 'unknown',
      reason: 'no production deployments reported to DevEx in the last 90 days',
    });
    expect(legacy['goldenPath.templateBehind']).toMatchObject({
      value: false,
      reason: 'not made from a golden-path template',
    });
    expect(legacy['provisioning.databasesPastTtl']).toMatchObject({ value: 0 });
    expect(legacy['provisioning.unapprovedDrift']).toMatchObject({
      value: 0,
      reason: '0 databases as approved',
    });
  });
});
