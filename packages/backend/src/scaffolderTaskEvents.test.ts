/*
 * A finished scaffolder task stops watching its events. Backstage's task broker
 * (@backstage/plugin-scaffolder-backend 4.2.0, StorageTaskBroker.registerCancellable) polls each
 * claimed task's events once a second, to hear a cancel, and stopped only on the completion of a
 * task that cannot be recovered. Paved's templates are recoverable (`EXPERIMENTAL_recovery:
 * startOver`), so every task a replica had ever run kept a query a second going until the backend
 * restarted. The patch in .yarn/patches (the root package.json's resolutions) stops on every
 * completion; this test fails without it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { AddressInfo } from 'node:net';

jest.setTimeout(120_000);

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });

const template = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: recoverable-template
spec:
  owner: group:default/platform
  type: service
  EXPERIMENTAL_recovery:
    EXPERIMENTAL_strategy: startOver
  parameters: []
  steps:
    - id: log
      name: Log
      action: debug:log
      input:
        message: done
`;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(ids)('a finished scaffolder task on %s', databaseId => {
  it('is no longer polled for its events', async () => {
    const workDir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'paved-task-events-'),
    );
    const templateFile = path.join(workDir, 'template.yaml');
    fs.writeFileSync(templateFile, template);
    // A database of its own for each plugin, as in production; the scaffolder's is watched.
    const clients = new Map<string, Knex>();
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        createServiceFactory({
          service: coreServices.database,
          deps: { plugin: coreServices.pluginMetadata },
          async factory({ plugin }) {
            const knex = await databases.init(databaseId);
            clients.set(plugin.getId(), knex);
            return { getClient: async () => knex };
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Template', 'Location'] }],
              locations: [{ type: 'file', target: templateFile }],
            },
          },
        }),
      ],
    });
    const baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }/api/scaffolder/v2/tasks`;
    const headers = {
      Authorization: mockCredentials.user.header(),
      'Content-Type': 'application/json',
    };
    try {
      let taskId = '';
      for (const deadline = Date.now() + 60_000; !taskId; await sleep(500)) {
        const created = await fetch(baseUrl, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            templateRef: 'template:default/recoverable-template',
            values: {},
          }),
        });
        if (created.status === 201) taskId = (await created.json()).id;
        else if (Date.now() > deadline) {
          throw new Error(`task not created: ${await created.text()}`);
        }
      }
      let status = 'open';
      for (const deadline = Date.now() + 60_000; ; await sleep(250)) {
        status = (
          await (await fetch(`${baseUrl}/${taskId}`, { headers })).json()
        ).status;
        if (status === 'completed' || status === 'failed') break;
        if (Date.now() > deadline) throw new Error(`task still ${status}`);
      }
      expect(status).toBe('completed');

      // Let the broker read the completion, then count reads of the task's events.
      await sleep(1500);
      const reads: string[] = [];
      clients.get('scaffolder')!.on('query', (query: { sql: string }) => {
        if (/from\s+["`]?task_events/i.test(query.sql)) reads.push(query.sql);
      });
      await sleep(3500);
      expect(reads).toEqual([]);
    } finally {
      await backend.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});
