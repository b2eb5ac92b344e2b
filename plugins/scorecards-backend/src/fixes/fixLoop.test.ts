import { execFileSync } from 'node:child_process';
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
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplates from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { notificationService } from '@backstage/plugin-notifications-node';
import scaffolderModuleGoldenPaths from '@paved/plugin-scaffolder-backend-module-golden-paths';
import {
  gitHostUrlReaderFactory,
  LocalGitHost,
} from '@paved/plugin-githost-node';
import { scorecardsPlugin } from '../plugin';

/*
 * Fix → merge → re-check → level up, end to end on the local git host: a component without docs
 * is at bronze; "Fix it" starts Paved's real "Add TechDocs" template through the real scaffolder
 * on behalf of the user; the template commits to the component's repository (on the local git
 * host a commit is the merge); the catalog reads the new catalog-info.yaml; scorecards notice the
 * finished task and the catalog change, collect the facts again, and the level rises to silver.
 */

jest.setTimeout(300_000);

const BASE = 'http://localhost:7007';
const TEMPLATES = path.resolve(__dirname, '../../../../templates');
const identity = { name: 'Test', email: 'test@example.com' };

const org = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: payments }
spec: { owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: sam.rivera }
spec: { memberOf: [payments] }
`;

const component = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy-api
  description: An older service, without docs
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
  system: payments
`;

async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  ms = 240_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

describe('Fix it, end to end on the local git host', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scorecards-fix-'));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('takes a component from bronze to silver through the Add TechDocs template', async () => {
    const gitDir = path.join(tmp, 'git');
    const source = path.join(tmp, 'legacy-api');
    await fs.mkdir(source, { recursive: true });
    await fs.writeFile(path.join(source, 'catalog-info.yaml'), component);
    const host = new LocalGitHost(gitDir);
    await host.publish({
      name: 'legacy-api',
      sourceDirectory: source,
      author: identity,
      committer: identity,
      message: 'Initial commit',
      taskId: 'setup',
    });
    await fs.writeFile(path.join(tmp, 'org.yaml'), org);

    const backend = await startTestBackend({
      features: [
        scorecardsPlugin,
        catalogPlugin,
        catalogModuleTemplates,
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        gitHostUrlReaderFactory,
        // The real scheduler (the test backend's mock runs tasks only once, at start-up).
        schedulerServiceFactory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: BASE },
            paved: {
              gitHost: { directory: gitDir },
              publish: { target: 'local' },
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
                  ],
                },
              ],
              locations: [
                { type: 'file', target: path.join(tmp, 'org.yaml') },
                {
                  type: 'file',
                  target: path.join(TEMPLATES, 'add-techdocs/template.yaml'),
                },
                {
                  type: 'url',
                  target: `${BASE}/api/githost/legacy-api/blob/main/catalog-info.yaml`,
                },
              ],
            },
            scorecards: {
              // Every few seconds instead of every minute, so the test sees the loop close.
              catalogSyncMinutes: 0.1,
              checks: [
                {
                  id: 'has-description',
                  title: 'Described',
                  description: 'd',
                  fact: 'catalog.hasDescription',
                  operator: '==',
                  threshold: true,
                  howToFix: 'x',
                },
                {
                  id: 'has-docs',
                  title: 'TechDocs',
                  description: 'd',
                  fact: 'catalog.hasDocs',
                  operator: '==',
                  threshold: true,
                  howToFix: 'Run Add TechDocs',
                  fixer: {
                    id: 'add-techdocs',
                    input: {
                      component: '{{ entityRef }}',
                      title: '{{ entity.metadata.name }}',
                      summary: 'Documentation of {{ entity.metadata.name }}.',
                    },
                  },
                },
              ],
              scorecards: [
                {
                  id: 'readiness',
                  title: 'Readiness',
                  description: 'd',
                  levels: {
                    bronze: ['has-description'],
                    silver: ['has-docs'],
                    gold: [],
                  },
                },
              ],
              templateFixers: [
                {
                  id: 'add-techdocs',
                  title: 'Add TechDocs',
                  description: 'd',
                  templateRef: 'template:default/add-techdocs',
                },
              ],
            },
          },
        }),
      ],
    });
    const sam = mockCredentials.user.header('user:default/sam.rivera');
    const api = (method: 'get' | 'post', url: string) =>
      request(backend.server)[method](url).set('Authorization', sam);

    try {
      await waitFor(async () => {
        const template = await api(
          'get',
          '/api/catalog/entities/by-name/template/default/add-techdocs',
        );
        const entity = await api(
          'get',
          '/api/catalog/entities/by-name/component/default/legacy-api',
        );
        const user = await api(
          'get',
          '/api/catalog/entities/by-name/user/default/sam.rivera',
        );
        return (
          template.status === 200 &&
          entity.status === 200 &&
          user.body.relations?.length > 0
        );
      }, 'the catalog');

      const before = await api(
        'get',
        '/api/scorecards/entities/component/default/legacy-api',
      );
      expect(before.status).toBe(200);
      expect(before.body.scorecards[0].level).toBe('bronze');

      const fix = await api(
        'post',
        '/api/scorecards/entities/component/default/legacy-api/checks/has-docs/fix',
      );
      expect(fix.status).toBe(201);
      const taskId = fix.body.externalId;

      const task = await waitFor(async () => {
        const res = await api('get', `/api/scaffolder/v2/tasks/${taskId}`);
        return ['completed', 'failed', 'cancelled'].includes(res.body.status)
          ? res.body
          : undefined;
      }, 'the Add TechDocs task');
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
      expect(task.spec.user.ref).toBe('user:default/sam.rivera');

      // Nobody asks for a re-check: the scheduled run sees the task finish and the catalog change.
      const after = await waitFor(async () => {
        const res = await api(
          'get',
          '/api/scorecards/entities/component/default/legacy-api',
        );
        // The level may rise (catalog processing) before the fix poll marks the fix completed.
        const docs = res.body.scorecards?.[0]?.checks?.find(
          (c: any) => c.checkId === 'has-docs',
        );
        return res.body.scorecards?.[0]?.level === 'silver' &&
          docs?.fix?.status !== 'started'
          ? res.body
          : undefined;
      }, 'the level to rise and the fix to finish');
      const docs = after.scorecards[0].checks.find(
        (c: any) => c.checkId === 'has-docs',
      );
      expect(docs).toMatchObject({
        status: 'pass',
        fix: { status: 'completed', fixerId: 'add-techdocs' },
      });

      // The change landed in the repository itself, as the user's commit.
      const catalogInfo = execFileSync('git', [
        `--git-dir=${host.repositoryPath('legacy-api')}`,
        'show',
        'main:catalog-info.yaml',
      ]).toString();
      expect(catalogInfo).toContain('backstage.io/techdocs-ref: dir:.');
    } finally {
      await backend.stop();
    }
  });
});
