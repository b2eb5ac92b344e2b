import path from 'node:path';
import { spawnSync } from 'node:child_process';
import request from 'supertest';
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
// The real provisioning backend runs beside the scaffolder, as in Paved's backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningPlugin from '@paved/plugin-provisioning-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import provisioningModuleSandbox from '@paved/plugin-provisioning-backend-module-sandbox';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import catalogModuleProvisioning from '@paved/plugin-catalog-backend-module-provisioning';
import scaffolderModuleProvisioning from '@paved/plugin-scaffolder-backend-module-provisioning';
import { gitHostUrlReaderFactory } from '@paved/plugin-githost-node';
import {
  ANNOTATION_PROVISIONING_REQUEST,
  databaseResourceEntityRef,
} from '@paved/plugin-provisioning-common';
import { scaffolderModuleGoldenPaths } from '../module';

/*
 * A service created with a database, end to end: the real scaffolder runs the golden path, whose
 * paved:database:request files the request with the real provisioning backend as the user, the
 * sandbox provider creates a real database on the local PostgreSQL, the catalog module delivers
 * its Resource, and the component the repository registers depends on it.
 */

jest.setTimeout(300_000);

const templatesRoot = path.resolve(__dirname, '../../../../templates');
const SANDBOX = 'postgresql://postgres@127.0.0.1:5432/postgres';
const SAM = 'user:default/sam.rivera';
const PRIYA = 'user:default/priya.natarajan';

const org = [
  { kind: 'Group', metadata: { name: 'payments' }, spec: { type: 'team' } },
  { kind: 'Group', metadata: { name: 'platform' }, spec: { type: 'team' } },
  {
    kind: 'System',
    metadata: { name: 'payments' },
    spec: { owner: 'payments' },
  },
  {
    kind: 'User',
    metadata: { name: 'sam.rivera' },
    spec: { memberOf: ['payments'] },
  },
  {
    kind: 'User',
    metadata: { name: 'priya.natarajan' },
    spec: { memberOf: ['platform'] },
  },
].map(e => ({
  apiVersion: 'backstage.io/v1alpha1',
  ...e,
  spec: { children: [], ...e.spec },
}));

async function startPortal(
  dir: ReturnType<typeof createMockDirectory>,
  development: Record<string, unknown>,
) {
  dir.clear();
  dir.addContent({
    'org.yaml': org.map(e => yaml.stringify(e)).join('---\n'),
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      catalogModuleProvisioning,
      scaffolderPlugin,
      scaffolderModuleGoldenPaths,
      scaffolderModuleProvisioning,
      provisioningPlugin,
      provisioningModuleSandbox,
      gitHostUrlReaderFactory,
      eventsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          paved: {
            platformTeam: 'group:default/platform',
            gitHost: { directory: dir.resolve('git') },
          },
          events: { useEventBus: 'never' },
          provisioning: {
            environments: {
              development: {
                provider: 'sandbox',
                sizes: ['small'],
                storageGB: { min: 1, max: 20 },
                ...development,
              },
            },
            quotas: { default: { maxRequests: 10, maxStorageGB: 100 } },
            providers: { sandbox: { connection: SANDBOX } },
            scaffolder: { pollIntervalMs: 200 },
          },
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
                  'Resource',
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
  const as = (user: string) => ({
    get: (url: string) =>
      request(backend.server)
        .get(url)
        .set('authorization', mockCredentials.user.header(user)),
    post: (url: string) =>
      request(backend.server)
        .post(url)
        .set('authorization', mockCredentials.user.header(user)),
    delete: (url: string) =>
      request(backend.server)
        .delete(url)
        .set('authorization', mockCredentials.user.header(user)),
  });

  // The catalog ingests the organisation and the template first.
  await waitFor(async () => {
    const template = await as(SAM).get(
      '/api/catalog/entities/by-name/template/default/typescript-service',
    );
    const user = await as(SAM).get(
      '/api/catalog/entities/by-name/user/default/sam.rivera',
    );
    return template.status === 200 && user.body.relations?.length > 0;
  });

  /** Runs the TypeScript golden path with PostgreSQL as Sam, to its end. */
  const createService = async (name: string) => {
    const created = await as(SAM)
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: 'template:default/typescript-service',
        values: {
          name,
          description: 'Takes orders, keeps them in PostgreSQL',
          owner: 'group:default/payments',
          system: 'system:default/payments',
          api: 'http',
          database: 'postgres',
        },
      });
    expect(created.status).toBe(201);
    const taskId = created.body.id;
    const task = await waitFor(async () => {
      const res = await as(SAM).get(`/api/scaffolder/v2/tasks/${taskId}`);
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    });
    const events = await as(SAM).get(
      `/api/scaffolder/v2/tasks/${taskId}/events`,
    );
    const log = events.body.map((e: any) => e.body.message).join('\n');
    if (task.status !== 'completed') {
      throw new Error(`task ${task.status}:\n${log}`);
    }
    return { log, taskId };
  };

  /** The task's output, as the portal's task page reads it. */
  const taskOutput = async (taskId: string) => {
    const events = await as(SAM).get(
      `/api/scaffolder/v2/tasks/${taskId}/events`,
    );
    const completion = events.body.find(
      (e: any) => e.type === 'completion' && e.body.output,
    );
    return completion.body.output as {
      links: Array<{ title: string; url?: string; entityRef?: string }>;
      text: Array<{ title: string; content: string }>;
      databaseStatus: string;
      entityRef: string;
    };
  };

  const filed: string[] = [];
  /** Deletes the requests the test filed (the sandbox drops their databases). */
  const cleanUp = async () => {
    for (const id of filed) {
      await as(SAM).delete(`/api/provisioning/requests/${id}`);
    }
    for (const id of filed) {
      await waitFor(async () => {
        const res = await as(SAM).get(`/api/provisioning/requests/${id}`);
        return res.body.status === 'deleted';
      }).catch(() => undefined);
    }
    await backend.stop();
  };

  return { as, createService, taskOutput, filed, cleanUp };
}

describe('a golden-path service created with a database', () => {
  const dir = createMockDirectory();
  const run = Date.now().toString(36);

  it('ends with a ready sandbox database that the component depends on', async () => {
    const portal = await startPortal(dir, {});
    const { as } = portal;
    try {
      const name = `orders-${run}`;
      const { taskId, log } = await portal.createService(name);
      const output = await portal.taskOutput(taskId);
      expect(output.databaseStatus).toBe('ready');

      // The request was filed by Sam, through the provisioning API, with its audit trail.
      const requestPath = output.links.find(
        l => l.title === 'Database request',
      )!.url!;
      const id = requestPath.split('/').pop()!;
      portal.filed.push(id);
      expect(requestPath).toBe(`/provisioning/requests/${id}`);
      expect(output.text[0].content).toContain(
        `Request \`${id}\` is **ready**. The service depends on it in the catalog`,
      );
      const filedRequest = (
        await as(SAM).get(`/api/provisioning/requests/${id}`)
      ).body;
      expect(filedRequest).toMatchObject({
        name,
        owner: 'group:default/payments',
        system: 'system:default/payments',
        environment: 'development',
        status: 'ready',
        requestedBy: SAM,
      });
      expect(filedRequest.events[0]).toMatchObject({
        actor: SAM,
        toStatus: expect.any(String),
      });
      expect(log).toContain(`Filed database request ${id}`);
      expect(log).not.toMatch(/password/i);

      // The component depends on the Resource provisioning delivered, which is in the catalog.
      const resourceRef = databaseResourceEntityRef(filedRequest);
      const component = (
        await as(SAM).get(
          `/api/catalog/entities/by-name/component/default/${name}`,
        )
      ).body;
      expect(component.spec.dependsOn).toEqual([resourceRef]);
      expect(component.relations).toEqual(
        expect.arrayContaining([{ type: 'dependsOn', targetRef: resourceRef }]),
      );
      const [, resourceNamespace, resourceName] =
        /^resource:([^/]+)\/(.+)$/.exec(resourceRef)!;
      const resource = await as(SAM).get(
        `/api/catalog/entities/by-name/resource/${resourceNamespace}/${resourceName}`,
      );
      expect(resource.status).toBe(200);
      expect(
        resource.body.metadata.annotations[ANNOTATION_PROVISIONING_REQUEST],
      ).toBe(id);
      // The catalog derives the other direction from the component's dependsOn.
      await waitFor(async () => {
        const res = await as(SAM).get(
          `/api/catalog/entities/by-name/resource/${resourceNamespace}/${resourceName}`,
        );
        return res.body.relations?.some(
          (r: { type: string; targetRef: string }) =>
            r.type === 'dependencyOf' &&
            r.targetRef === `component:default/${name}`,
        );
      });
      expect(
        output.links.find(l => l.title === 'Database in the catalog')
          ?.entityRef,
      ).toBe(resourceRef);

      // The chart reads the connection from the Secret provisioning named; no password in git.
      const values = yaml.parse(readFromGit(dir, name, 'chart/values.yaml'));
      expect(values.database).toEqual({
        name: filedRequest.outputs.database,
        connectionSecret: filedRequest.outputs.connectionSecret,
      });

      // The database is really there: the owners' credentials open it.
      const credentials = await as(SAM).get(
        `/api/provisioning/requests/${id}/credentials`,
      );
      expect(credentials.status).toBe(200);
      const psql = spawnSync(
        'psql',
        [
          credentials.body.connectionString,
          '-tAc',
          'SELECT current_database()',
        ],
        { encoding: 'utf8' },
      );
      expect(psql.stderr).toBe('');
      expect(psql.stdout.trim()).toBe(filedRequest.outputs.database);
    } finally {
      await portal.cleanUp();
    }
  });

  it('ends with "awaiting approval" and a link to the request when the database needs one', async () => {
    const portal = await startPortal(dir, { requiresApproval: true });
    const { as } = portal;
    try {
      const name = `ledger-${run}`;
      const { taskId } = await portal.createService(name);
      const output = await portal.taskOutput(taskId);
      expect(output.databaseStatus).toBe('awaiting-approval');
      const requestLink = output.links.find(
        l => l.title === 'Database request',
      )!;
      const id = requestLink.url!.split('/').pop()!;
      portal.filed.push(id);
      expect(requestLink.url).toBe(`/provisioning/requests/${id}`);
      // No catalog link to a database that does not exist yet.
      expect(
        output.links.find(l => l.title === 'Database in the catalog')
          ?.entityRef,
      ).toBeFalsy();
      expect(output.text[0].content).toContain(
        `Request \`${id}\` is **awaiting-approval**`,
      );

      // The component already names the Resource the approved request will become.
      const component = (
        await as(SAM).get(
          `/api/catalog/entities/by-name/component/default/${name}`,
        )
      ).body;
      const planned = `resource:default/${name}-development`;
      expect(component.spec.dependsOn).toEqual([planned]);

      // The platform team approves; the sandbox creates it under exactly that name.
      const approved = await as(PRIYA)
        .post(`/api/provisioning/requests/${id}/approve`)
        .send({ comment: 'ok for development' });
      expect(approved.status).toBe(200);
      const ready = await waitFor(async () => {
        const res = await as(SAM).get(`/api/provisioning/requests/${id}`);
        return res.body.status === 'ready' ? res.body : undefined;
      });
      expect(databaseResourceEntityRef(ready)).toBe(planned);
      await waitFor(async () => {
        const res = await as(SAM).get(
          `/api/catalog/entities/by-name/resource/default/${name}-development`,
        );
        return res.status === 200;
      });
    } finally {
      await portal.cleanUp();
    }
  });
});

/** A file as the golden path committed it in the local git host's bare repository. */
function readFromGit(
  dir: ReturnType<typeof createMockDirectory>,
  name: string,
  file: string,
): string {
  const show = spawnSync(
    'git',
    ['--git-dir', dir.resolve(`git/${name}.git`), 'show', `HEAD:${file}`],
    { encoding: 'utf8' },
  );
  if (show.status !== 0) throw new Error(show.stderr);
  return show.stdout;
}

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
