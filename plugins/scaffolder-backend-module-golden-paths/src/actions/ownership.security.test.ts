import fs from 'node:fs/promises';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import { writeSampleWorkspace } from '@paved/plugin-githost-node/testUtils';
import {
  GoldenPathSettings,
  ServiceNameCheck,
  TeamMembership,
} from '@paved/plugin-golden-paths-node';
import { createCommitAction } from './commit';
import { createValidateServiceAction } from './validateService';

/*
 * The attacks: a developer uses "Add TechDocs" (paved:commit) to write into another team's
 * repository, or a service template to create a component in another team's name. Both are
 * refused unless the user belongs to the owning team or to the platform team.
 */

jest.setTimeout(60_000);

const user = (name: string, group: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { memberOf: [group] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
});

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [] },
});

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/managed-by-location': `url:http://localhost:7007/api/githost/${name}/blob/main/catalog-info.yaml`,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const entities = [
  group('payments'),
  group('ledger'),
  group('platform'),
  user('sam.rivera', 'payments'),
  user('priya.natarajan', 'platform'),
  component('ledger-service', 'ledger'),
  component('payments-api', 'payments'),
];

const as = (name: string) => ({
  user: { ref: `user:default/${name}`, entity: user(name, 'x') as any },
});

describe('who may write through a golden path (security)', () => {
  const dir = createMockDirectory();
  const settings: GoldenPathSettings = {
    backendBaseUrl: 'http://localhost:7007',
    publishTarget: 'local',
    committer: { name: 'Paved', email: 'paved@example.com' },
  };
  let gitHost: LocalGitHost;
  const catalog = catalogServiceMock({ entities });
  const membership = new TeamMembership({ catalog, platformTeam: 'platform' });

  beforeEach(async () => {
    dir.clear();
    gitHost = new LocalGitHost(dir.resolve('git'));
    await writeSampleWorkspace(dir.resolve('seed'));
    for (const name of ['ledger-service', 'payments-api']) {
      await gitHost.publish({
        name,
        sourceDirectory: dir.resolve('seed'),
        author: settings.committer,
        committer: settings.committer,
        message: 'Initial commit',
        taskId: `seed-${name}`,
      });
    }
    await fs.mkdir(dir.resolve('workspace/docs'), { recursive: true });
    await fs.writeFile(dir.resolve('workspace/docs/index.md'), '# Pwned\n');
  });

  const commits = (name: string) =>
    gitText([
      `--git-dir=${gitHost.repositoryPath(name)}`,
      'rev-list',
      '--count',
      'main',
    ]);

  const commit = (input: Record<string, string>, who: string) =>
    createCommitAction({ gitHost, catalog, membership, settings }).handler(
      createMockActionContext({
        input: { message: 'Add TechDocs', ...input },
        workspacePath: dir.resolve('workspace'),
        task: { id: `task-${who}` },
        ...as(who),
      }) as any,
    );

  it("refuses Sam (payments) committing to the ledger team's repository", async () => {
    await expect(
      commit(
        {
          repoName: 'ledger-service',
          entityRef: 'component:default/ledger-service',
        },
        'sam.rivera',
      ),
    ).rejects.toThrow(
      "entityRef: user:default/sam.rivera may not commit to repository 'ledger-service' of component:default/ledger-service: only group:default/ledger, their members and members of the platform team (group:default/platform) may (rule: owner-membership)",
    );
    expect(await commits('ledger-service')).toBe('1');
  });

  it("refuses naming his own component to reach another team's repository", async () => {
    await expect(
      commit(
        {
          repoName: 'ledger-service',
          entityRef: 'component:default/payments-api',
        },
        'sam.rivera',
      ),
    ).rejects.toThrow(
      /^repoName: component:default\/payments-api is not defined in repository 'ledger-service'.*\(rule: component-repository\)$/,
    );
    expect(await commits('ledger-service')).toBe('1');
  });

  it('lets owners and the platform team commit', async () => {
    await commit(
      { repoName: 'payments-api', entityRef: 'component:default/payments-api' },
      'sam.rivera',
    );
    expect(await commits('payments-api')).toBe('2');
    await commit(
      {
        repoName: 'ledger-service',
        entityRef: 'component:default/ledger-service',
      },
      'priya.natarajan',
    );
    expect(await commits('ledger-service')).toBe('2');
  });

  const validate = (owner: string, who: string) =>
    createValidateServiceAction({
      catalog,
      serviceNames: new ServiceNameCheck({
        catalog,
        gitHost,
        publishTarget: 'local',
      }),
      membership,
      settings,
    }).handler(
      createMockActionContext({
        input: { name: 'new-service', owner, namespace: 'default' },
        ...as(who),
      }) as any,
    );

  it('refuses Sam creating a component owned by the ledger team', async () => {
    await expect(
      validate('group:default/ledger', 'sam.rivera'),
    ).rejects.toThrow(
      'owner: user:default/sam.rivera may not create a component owned by group:default/ledger: only group:default/ledger, their members and members of the platform team (group:default/platform) may (rule: owner-membership)',
    );
    await expect(
      validate('group:default/payments', 'sam.rivera'),
    ).resolves.toBeUndefined();
    await expect(
      validate('group:default/ledger', 'priya.natarajan'),
    ).resolves.toBeUndefined();
  });
});
