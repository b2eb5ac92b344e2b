import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { gitHostUrlReaderFactory } from '@paved/plugin-githost-node';
import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE_VERSION,
  SERVICE_CREATED_TOPIC,
  serviceCreatedEventSchema,
} from '@paved/plugin-golden-paths-common';
import { scaffolderModuleGoldenPaths } from '../module';

/*
 * A golden path reaches DevEx at once: a real template run (the real scaffolder, the real catalog
 * reading the real local git host, the real events service) ends with the service-created event,
 * captured by a subscriber in another plugin the way DevEx subscribes. Nothing here writes the
 * payload by hand.
 */

jest.setTimeout(240_000);

const templatesRoot = path.resolve(__dirname, '../../../../templates');

/** The version a template declares today (what a new service records). */
function templateVersion(template: string): string {
  const file = path.join(templatesRoot, template, 'template.yaml');
  return yaml.parse(fs.readFileSync(file, 'utf8')).metadata.annotations[
    ANNOTATION_TEMPLATE_VERSION
  ];
}

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

describe('a golden-path task announces the service it created', () => {
  const dir = createMockDirectory();

  it('publishes SERVICE_CREATED_TOPIC once, with the lineage the catalog holds', async () => {
    dir.clear();
    dir.addContent({
      'org.yaml': org.map(e => yaml.stringify(e)).join('---\n'),
    });
    const received: unknown[] = [];
    const listener = createBackendPlugin({
      pluginId: 'listener',
      register(env) {
        env.registerInit({
          deps: { events: eventsServiceRef },
          async init({ events }) {
            await events.subscribe({
              id: 'listener',
              topics: [SERVICE_CREATED_TOPIC],
              async onEvent(event) {
                received.push(event.eventPayload);
              },
            });
          },
        });
      },
    });

    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        gitHostUrlReaderFactory,
        // The real events service (the test backend's default is a mock per plugin).
        eventsServiceFactory,
        listener,
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
    const sam = mockCredentials.user.header('user:default/sam.rivera');
    const api = (method: 'get' | 'post', url: string) =>
      request(backend.server)[method](url).set('authorization', sam);

    try {
      // The catalog ingests the organisation and the template first.
      await waitFor(async () => {
        const res = await api(
          'get',
          '/api/catalog/entities/by-name/template/default/typescript-service',
        );
        const user = await api(
          'get',
          '/api/catalog/entities/by-name/user/default/sam.rivera',
        );
        return res.status === 200 && user.body.relations?.length > 0;
      });

      const name = 'orders-api';
      const created = await api('post', '/api/scaffolder/v2/tasks').send({
        templateRef: 'template:default/typescript-service',
        values: {
          name,
          description: 'Takes orders',
          owner: 'group:default/payments',
          system: 'system:default/payments',
          api: 'http',
          database: 'none',
        },
      });
      expect(created.status).toBe(201);
      const taskId = created.body.id;

      const task = await waitFor(async () => {
        const res = await api('get', `/api/scaffolder/v2/tasks/${taskId}`);
        return ['completed', 'failed'].includes(res.body.status)
          ? res.body
          : undefined;
      });
      if (task.status !== 'completed') {
        const events = await api(
          'get',
          `/api/scaffolder/v2/tasks/${taskId}/events`,
        );
        throw new Error(
          `task ${task.status}: ${JSON.stringify(
            events.body.map((e: any) => e.body.message),
          )}`,
        );
      }

      const entity = (
        await api(
          'get',
          `/api/catalog/entities/by-name/component/default/${name}`,
        )
      ).body;
      expect(received).toHaveLength(1);
      expect(serviceCreatedEventSchema.parse(received[0])).toEqual({
        entityRef: `component:default/${name}`,
        templateRef: 'template:default/typescript-service',
        templateVersion: templateVersion('typescript-service'),
        createdAt: entity.metadata.annotations[ANNOTATION_CREATED_AT],
        createdBy: 'user:default/sam.rivera',
        taskId,
      });
    } finally {
      await backend.stop();
    }
  });
});

async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
