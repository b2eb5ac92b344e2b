import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { createBackendModule } from '@backstage/backend-plugin-api';
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
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import {
  LocalGitHost,
  gitHostUrlReaderFactory,
  gitText,
  localGitHostServiceRef,
  repoContentsUrl,
} from '@paved/plugin-githost-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { scaffolderModuleGoldenPaths } from '../module';

/*
 * The TypeScript golden path with paved.publish.target github, run as a real task: the template's
 * paved:template:branch step must receive the commit publish:github made and create paved/template
 * there through GitHub's API. publish:github itself is a stand-in (no route to GitHub from here)
 * that pushes the workspace to the local git host, so the catalog can read the new component;
 * GitHub's API is answered by msw with the documented response shape.
 */

jest.setTimeout(240_000);

const templatesRoot = path.resolve(__dirname, '../../../../templates');
const BACKEND = 'http://localhost:7007';

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

/** `publish:github` standing in for the GitHub module: the same outputs, the local git host behind. */
const publishGitHubStandIn = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'publish-github-stand-in',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        gitHost: localGitHostServiceRef,
      },
      async init({ scaffolder, gitHost }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'publish:github',
            schema: {
              input: {
                repoUrl: z => z.string(),
                description: z => z.string().optional(),
                defaultBranch: z => z.string().optional(),
                repoVisibility: z => z.string().optional(),
                gitCommitMessage: z => z.string().optional(),
              },
            },
            async handler(ctx) {
              const repo = new URLSearchParams(
                ctx.input.repoUrl.split('?')[1],
              ).get('repo')!;
              const identity = { name: 'Paved', email: 'paved@example.com' };
              const published = await gitHost.publish({
                name: repo,
                sourceDirectory: ctx.workspacePath,
                author: identity,
                committer: identity,
                message: 'Initial commit',
                taskId: ctx.task.id,
              });
              ctx.output('remoteUrl', `https://github.com/paved-org/${repo}`);
              ctx.output(
                'repoContentsUrl',
                repoContentsUrl(BACKEND, repo, 'main'),
              );
              ctx.output('commitHash', published.commitSha);
            },
          }),
        );
      },
    });
  },
});

describe('a golden path published to GitHub keeps its pristine output on paved/template', () => {
  const dir = createMockDirectory();
  const github = setupServer();
  const createRefs: unknown[] = [];
  beforeAll(() => github.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => github.close());

  it('creates the ref at the commit publish:github made, with the integration token', async () => {
    dir.clear();
    dir.addContent({
      'org.yaml': org.map(e => yaml.stringify(e)).join('---\n'),
    });
    github.use(
      http.post(
        'https://api.github.com/repos/paved-org/orders-api/git/refs',
        async ({ request: req }) => {
          const body = (await req.json()) as { ref: string; sha: string };
          createRefs.push({ ...body, auth: req.headers.get('authorization') });
          return HttpResponse.json(
            {
              ref: body.ref,
              node_id: 'REF_kwDOAbCdEf',
              url: `https://api.github.com/repos/paved-org/orders-api/git/${body.ref}`,
              object: { sha: body.sha, type: 'commit', url: '' },
            },
            { status: 201 },
          );
        },
      ),
    );
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        publishGitHubStandIn,
        gitHostUrlReaderFactory,
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: BACKEND },
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_test' }],
            },
            paved: {
              gitHost: { directory: dir.resolve('git') },
              publish: {
                target: 'github',
                github: { host: 'github.com', owner: 'paved-org' },
              },
            },
            events: { useEventBus: 'never' },
            catalog: {
              rules: [
                {
                  allow: ['Component', 'System', 'Group', 'User', 'Template'],
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
      await waitFor(async () => {
        const template = await api(
          'get',
          '/api/catalog/entities/by-name/template/default/typescript-service',
        );
        const user = await api(
          'get',
          '/api/catalog/entities/by-name/user/default/sam.rivera',
        );
        return template.status === 200 && user.body.relations?.length > 0;
      });
      const created = await api('post', '/api/scaffolder/v2/tasks').send({
        templateRef: 'template:default/typescript-service',
        values: {
          name: 'orders-api',
          description: 'Takes orders',
          owner: 'group:default/payments',
          system: 'system:default/payments',
          api: 'http',
          database: 'none',
        },
      });
      expect(created.status).toBe(201);
      const task = await waitFor(async () => {
        const res = await api(
          'get',
          `/api/scaffolder/v2/tasks/${created.body.id}`,
        );
        return ['completed', 'failed'].includes(res.body.status)
          ? res.body
          : undefined;
      });
      const events = await api(
        'get',
        `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      );
      const messages = events.body.map((e: any) => e.body.message);
      if (task.status !== 'completed') {
        throw new Error(`task ${task.status}: ${JSON.stringify(messages)}`);
      }

      const head = await gitText([
        `--git-dir=${new LocalGitHost(dir.resolve('git')).repositoryPath(
          'orders-api',
        )}`,
        'rev-parse',
        'refs/heads/main',
      ]);
      expect(createRefs).toEqual([
        {
          ref: 'refs/heads/paved/template',
          sha: head,
          auth: 'token ghp_test',
        },
      ]);
      expect(
        events.body.some(
          (e: any) =>
            e.body.stepId === 'template-branch' &&
            e.body.status === 'completed',
        ),
      ).toBe(true);
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
