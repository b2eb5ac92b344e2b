/*
 * One lifecycle, end to end: a service created through the real scaffolder from the real
 * golden-path template (published to the real local git host, read back by the real catalog)
 * reaches DevEx through the real events service at once, listed as "created, not yet deployed";
 * a production deployment sent by CI then gives its time to first deployment. No payload is
 * written by hand: DevEx sees what `paved:catalog:wait` publishes.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import yaml from 'yaml';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import devexPlugin from '@paved/plugin-devex-backend';
import { gitHostUrlReaderFactory } from '@paved/plugin-githost-node';
import { ANNOTATION_CREATED_AT } from '@paved/plugin-golden-paths-common';
import scaffolderModuleGoldenPaths from '@paved/plugin-scaffolder-backend-module-golden-paths';

jest.setTimeout(300_000);

const templatesRoot = path.resolve(__dirname, '../../../templates');

const org = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments' },
    spec: { owner: 'payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'sam.rivera' },
    spec: { memberOf: ['payments'] },
  },
];

async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 240_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('a golden-path service in DevEx', () => {
  const dir = createMockDirectory();

  it('is listed as created at once, and gets its time to first deployment after a production deployment', async () => {
    dir.clear();
    dir.addContent({
      'org.yaml': org.map(e => yaml.stringify(e)).join('---\n'),
    });
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        gitHostUrlReaderFactory,
        devexPlugin,
        // The real events service, one for the whole backend (the test default is a mock).
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            paved: { gitHost: { directory: dir.resolve('git') } },
            events: { useEventBus: 'never' },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Group',
                    'User',
                    'Template',
                    'Location',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: dir.resolve('org.yaml') },
                {
                  type: 'file',
                  target: path.join(
                    templatesRoot,
                    'typescript-service/template.yaml',
                  ),
                },
              ],
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const call = async (
      url: string,
      init: { method?: string; body?: unknown; auth?: string } = {},
    ) => {
      const res = await fetch(`http://127.0.0.1:${port}${url}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization:
            init.auth ?? mockCredentials.user.header('user:default/sam.rivera'),
          'content-type': 'application/json',
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    };

    try {
      await waitFor(async () => {
        const template = await call(
          '/api/catalog/entities/by-name/template/default/typescript-service',
        );
        const user = await call(
          '/api/catalog/entities/by-name/user/default/sam.rivera',
        );
        return template.status === 200 && user.body?.relations?.length > 0;
      }, 'the catalog to hold the template and Sam');

      const name = 'orders-api';
      const entityRef = `component:default/${name}`;
      const created = await call('/api/scaffolder/v2/tasks', {
        method: 'POST',
        body: {
          templateRef: 'template:default/typescript-service',
          values: {
            name,
            description: 'Takes orders',
            owner: 'group:default/payments',
            system: 'system:default/payments',
            api: 'http',
            database: 'none',
          },
        },
      });
      expect(created.status).toBe(201);
      const task = await waitFor(async () => {
        const res = await call(`/api/scaffolder/v2/tasks/${created.body.id}`);
        return ['completed', 'failed'].includes(res.body?.status)
          ? res.body
          : undefined;
      }, 'the task to finish');
      expect(task.status).toBe('completed');

      // "At once": the task's end is enough, no scheduler run or catalog refresh in between.
      const measures = async () =>
        (await call('/api/devex/devex/measures')).body?.timeToFirstDeployment;
      const listed = await measures();
      const entity = (
        await call(`/api/catalog/entities/by-name/component/default/${name}`)
      ).body;
      const createdAt = entity.metadata.annotations[ANNOTATION_CREATED_AT];
      expect(listed).toMatchObject({
        pending: 1,
        samples: 0,
        services: [
          {
            entityRef,
            templateRef: 'template:default/typescript-service',
            createdAt: new Date(createdAt).toISOString(),
            firstDeploymentAt: null,
            hours: null,
          },
        ],
      });

      const deployedAt = new Date(Date.parse(createdAt) + 6 * 3_600_000);
      const deploy = await call('/api/devex/events', {
        method: 'POST',
        auth: mockCredentials.service.header(),
        body: {
          events: [
            {
              id: `deploy-${name}-1`,
              source: 'ci',
              type: 'deployment',
              subject: entityRef,
              data: {
                environment: 'production',
                status: 'success',
                finishedAt: deployedAt.toISOString(),
                commits: [],
              },
            },
          ],
        },
      });
      expect(deploy.status).toBe(202);
      expect(await measures()).toMatchObject({
        medianHours: 6,
        samples: 1,
        pending: 0,
        services: [
          {
            entityRef,
            firstDeploymentAt: deployedAt.toISOString(),
            hours: 6,
          },
        ],
      });
    } finally {
      await backend.stop();
    }
  });
});
