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
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
// The real golden-paths and git host plugins beside scorecards, as in the portal: the fixer goes
// through golden paths' HTTP API, which opens the merge request on the git host.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import goldenPathsPlugin from '@paved/plugin-golden-paths-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import gitHostPlugin from '@paved/plugin-githost-backend';
import {
  gitHostUrlReaderFactory,
  LocalGitHost,
} from '@paved/plugin-githost-node';
import { upgradeSchema } from '@paved/plugin-golden-paths-common';
import { scorecardsPlugin } from '../plugin';

/*
 * The golden-path upgrade fixer end to end: inventory-api is made from the TypeScript golden
 * path at 1.0.0 (golden paths' own development seed, on the local git host) while the template is
 * at 1.1.0, so "On the latest golden-path version" fails and the component stays at bronze. "Fix
 * it" asks golden paths (POST /api/golden-paths/upgrades) on behalf of the user; golden paths opens
 * the merge request as that user's proposal; a non-owner is refused with golden paths' reason; the
 * owner merges on the git host; scorecards follow the upgrade to "merged", the catalog reads the
 * new version and the level rises to silver.
 */

jest.setTimeout(300_000);

const BASE = 'http://localhost:7007';
const TEMPLATES = path.resolve(__dirname, '../../../../templates');
const COMPONENT = 'component:default/inventory-api';

const org = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: search }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform }
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
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: lee.chen }
spec: { memberOf: [search] }
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

describe('the golden-path upgrade fixer, through golden paths, end to end', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scorecards-upgrade-'));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('proposes the upgrade as the user, refuses a non-owner, and the merge raises the level', async () => {
    const gitDir = path.join(tmp, 'git');
    await fs.writeFile(path.join(tmp, 'org.yaml'), org);
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });

    const backend = await startTestBackend({
      features: [
        scorecardsPlugin,
        goldenPathsPlugin,
        gitHostPlugin,
        catalogPlugin,
        catalogModuleTemplates,
        gitHostUrlReaderFactory,
        schedulerServiceFactory,
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: BASE },
            paved: { gitHost: { directory: gitDir } },
            scaffolder: {
              defaultAuthor: { name: 'Paved', email: 'paved@example.com' },
            },
            goldenPaths: {
              upgrades: { enabled: false },
              // inventory-api at 1.0.0 on the git host, registered in the catalog.
              exampleData: { seed: true },
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
                  target: path.join(
                    TEMPLATES,
                    'typescript-service/template.yaml',
                  ),
                },
              ],
            },
            scorecards: {
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
                  id: 'template-current',
                  title: 'On the latest golden-path version',
                  description: 'd',
                  fact: 'goldenPath.templateBehind',
                  operator: '==',
                  threshold: false,
                  howToFix: 'Apply the golden-path upgrade',
                  fixer: { id: 'golden-path-upgrade' },
                },
              ],
              scorecards: [
                {
                  id: 'readiness',
                  title: 'Readiness',
                  description: 'd',
                  levels: {
                    bronze: ['has-description'],
                    silver: ['template-current'],
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
    const lee = mockCredentials.user.header('user:default/lee.chen');
    const api = (method: 'get' | 'post', url: string, as = sam) =>
      request(backend.server)[method](url).set('Authorization', as);
    const scorecard = () =>
      api('get', '/api/scorecards/entities/component/default/inventory-api');
    const fix = (as: string) =>
      api(
        'post',
        '/api/scorecards/entities/component/default/inventory-api/checks/template-current/fix',
        as,
      );

    try {
      // The seed waits for the template in the catalog, publishes and registers the component.
      const before = await waitFor(async () => {
        const res = await scorecard();
        const check = res.body.scorecards?.[0]?.checks?.find(
          (c: any) => c.checkId === 'template-current',
        );
        return check?.status === 'fail' ? res.body : undefined;
      }, 'inventory-api to be measured behind its template');
      expect(before.scorecards[0].level).toBe('bronze');

      // Golden paths decides who may propose: a member of another team is refused, with its reason.
      const refused = await fix(lee);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/^golden paths: /);
      expect(refused.body.error.message).toContain('user:default/lee.chen');

      const started = await fix(sam);
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({
        fixerId: 'golden-path-upgrade',
        status: 'started',
        startedBy: 'user:default/sam.rivera',
        url: 'http://localhost:3000/git/inventory-api/merge-requests/1',
      });

      // The proposal golden paths holds is the user's own, for 1.0.0 → 1.1.0.
      const upgrade = upgradeSchema.parse(
        (
          await api(
            'get',
            `/api/golden-paths/upgrades/${started.body.externalId}`,
          )
        ).body,
      );
      expect(upgrade).toMatchObject({
        entityRef: COMPONENT,
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        status: 'open',
        createdBy: 'user:default/sam.rivera',
      });

      // The owner merges on the git host; nobody asks scorecards for a re-check.
      const merged = await api(
        'post',
        '/api/githost/repositories/inventory-api/merge-requests/1/merge',
      ).send({});
      expect(merged.status).toBe(200);

      // Two things follow the merge, each on its own schedule: the catalog refresh raises the
      // level, and the fix poll marks the fix completed. Either may come first.
      const after = await waitFor(async () => {
        const res = await scorecard();
        const check = res.body.scorecards?.[0]?.checks?.find(
          (c: any) => c.checkId === 'template-current',
        );
        return res.body.scorecards?.[0]?.level === 'silver' &&
          check?.fix?.status !== 'started'
          ? res.body
          : undefined;
      }, 'the level to rise and the fix to finish');
      expect(
        after.scorecards[0].checks.find(
          (c: any) => c.checkId === 'template-current',
        ),
      ).toMatchObject({
        status: 'pass',
        fix: { status: 'completed', fixerId: 'golden-path-upgrade' },
      });
      // The merge landed in the repository: its catalog-info.yaml records the new version.
      const catalogInfo = execFileSync('git', [
        `--git-dir=${new LocalGitHost(gitDir).repositoryPath('inventory-api')}`,
        'show',
        'main:catalog-info.yaml',
      ]).toString();
      expect(catalogInfo).toMatch(/paved\.dev\/template-version: "?1\.1\.0/);
    } finally {
      await backend.stop();
    }
  });
});
