import fs from 'node:fs/promises';
import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Entity, UserEntity } from '@backstage/catalog-model';
import { LocalGitHost } from '@paved/plugin-githost-node';
import {
  GoldenPathSettings,
  ServiceNameCheck,
  TeamMembership,
} from '@paved/plugin-golden-paths-node';
import {
  cloneAndLog,
  writeSampleWorkspace,
} from '@paved/plugin-githost-node/testUtils';
import {
  LINEAGE_FILE,
  TEMPLATE_BRANCH,
} from '@paved/plugin-golden-paths-common';
import { createPublishAction, publishExamples } from './publish';
import {
  createValidateServiceAction,
  validateServiceExamples,
} from './validateService';

jest.setTimeout(60_000);

const entities: Entity[] = [
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
    kind: 'Component',
    metadata: { name: 'ledger-service' },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  },
];

const sam: UserEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'sam.rivera' },
  spec: {
    profile: { displayName: 'Sam Rivera', email: 'sam.rivera@example.com' },
    memberOf: ['payments'],
  },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
};
entities.push(sam);
const asSam = { user: { entity: sam, ref: 'user:default/sam.rivera' } };

const templateInfo = {
  entityRef: 'template:default/typescript-service',
  baseUrl: 'file:///templates/typescript-service/template.yaml',
  entity: {
    metadata: {
      name: 'typescript-service',
      annotations: { 'paved.dev/template-version': '1.2.0' },
    },
  },
};

function stepInput(example: string) {
  return yaml.parse(example).steps[0].input;
}

describe('paved actions', () => {
  const dir = createMockDirectory();
  let settings: GoldenPathSettings;
  let gitHost: LocalGitHost;

  beforeEach(() => {
    dir.clear();
    settings = {
      backendBaseUrl: 'http://localhost:7007',
      publishTarget: 'local',
      committer: { name: 'Paved', email: 'paved@example.com' },
    };
    gitHost = new LocalGitHost(dir.resolve('git'));
  });

  describe('paved:service:validate', () => {
    const action = () => {
      const catalog = catalogServiceMock({ entities });
      return createValidateServiceAction({
        catalog,
        serviceNames: new ServiceNameCheck({
          catalog,
          gitHost,
          publishTarget: settings.publishTarget,
        }),
        membership: new TeamMembership({ catalog, platformTeam: 'platform' }),
        settings,
      });
    };

    it('runs its documented example and resolves lineage and the publish target', async () => {
      const ctx = createMockActionContext({
        input: stepInput(validateServiceExamples[0].example),
        templateInfo,
        ...asSam,
      });
      await action().handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('publishTarget', 'local');
      expect(ctx.output).toHaveBeenCalledWith(
        'owner',
        'group:default/payments',
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'system',
        'system:default/payments',
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'templateRef',
        'template:default/typescript-service',
      );
      expect(ctx.output).toHaveBeenCalledWith('templateVersion', '1.2.0');
      expect(ctx.output).toHaveBeenCalledWith(
        'sourceLocation',
        'http://localhost:7007/api/githost/payments-api/blob/main/',
      );
    });

    it('gives the stock publish action its repoUrl when GitHub is the target', async () => {
      settings.publishTarget = 'github';
      settings.github = { host: 'github.com', owner: 'paved-org' };
      const ctx = createMockActionContext({
        input: {
          name: 'payments-api',
          owner: 'payments',
          namespace: 'default',
        },
        ...asSam,
      });
      await action().handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith(
        'repoUrl',
        'github.com?owner=paved-org&repo=payments-api',
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'sourceLocation',
        'https://github.com/paved-org/payments-api/tree/main/',
      );
    });

    it.each([
      [
        { name: '../../etc/passwd', owner: 'payments' },
        /^name: '..\/..\/etc\/passwd' must be 2 to 63 .*\(rule: pattern\)$/,
      ],
      [{ name: 'Payments', owner: 'payments' }, /^name: 'Payments' must be /],
      [{ name: 'a', owner: 'payments' }, /^name: 'a' must be /],
      [
        { name: 'new-service', owner: 'nobody' },
        /^owner: group:default\/nobody does not exist in the catalog/,
      ],
      [
        { name: 'new-service', owner: 'user:default/sam.rivera' },
        /^owner: 'user:default\/sam.rivera' must refer to a group/,
      ],
      [
        { name: 'new-service', owner: 'payments', system: 'nowhere' },
        /^system: system:default\/nowhere does not exist/,
      ],
      [
        {
          name: 'Bad_Name',
          owner: 'user:default/sam.rivera',
          description: 'two\nlines',
        },
        // Every broken rule at once, each named.
        /^name: 'Bad_Name' .*\(rule: pattern\); description: must be one line.*\(rule: one-line\); owner: 'user:default\/sam.rivera' must refer to a group, not a user \(rule: entity-kind\)$/,
      ],
      [
        { name: 'ledger-service', owner: 'payments' },
        /^name: component:default\/ledger-service already exists in the catalog/,
      ],
    ])('refuses %j', async (input, message) => {
      const ctx = createMockActionContext({
        input: { namespace: 'default', ...input },
        ...asSam,
      });
      await expect(action().handler(ctx as any)).rejects.toThrow(message);
    });

    it('refuses a name already taken on the git host, but not by its own earlier attempt', async () => {
      await writeSampleWorkspace(dir.resolve('workspace'));
      await gitHost.publish({
        name: 'taken',
        sourceDirectory: dir.resolve('workspace'),
        author: settings.committer,
        committer: settings.committer,
        message: 'x',
        taskId: 'other-task',
      });
      const input = { name: 'taken', owner: 'payments', namespace: 'default' };
      await expect(
        action().handler(createMockActionContext({ input, ...asSam }) as any),
      ).rejects.toThrow(
        "name: repository 'taken' already exists on the local git host",
      );
      await expect(
        action().handler(
          createMockActionContext({
            input,
            task: { id: 'other-task' },
            ...asSam,
          }) as any,
        ),
      ).resolves.toBeUndefined();
    });
  });

  describe('paved:publish', () => {
    const action = () =>
      createPublishAction({
        gitHost,
        settings,
        appBaseUrl: 'http://localhost:3000',
      });

    it.each(publishExamples.map(e => [e.description, e.example]))(
      'runs the example: %s',
      async (_description, example) => {
        const input = stepInput(example);
        const workspacePath = dir.resolve('workspace');
        await writeSampleWorkspace(
          input.sourcePath
            ? `${workspacePath}/${input.sourcePath}`
            : workspacePath,
        );
        const ctx = createMockActionContext({
          input,
          workspacePath,
          user: { entity: sam, ref: 'user:default/sam.rivera' },
        });
        await action().handler(ctx as any);

        expect(ctx.output).toHaveBeenCalledWith(
          'repoContentsUrl',
          `http://localhost:7007/api/githost/${input.repoName}/blob/main`,
        );
        // What people clone (Git smart HTTP, served by the githost plugin) and the portal page.
        expect(ctx.output).toHaveBeenCalledWith(
          'remoteUrl',
          `http://localhost:7007/api/githost/${input.repoName}.git`,
        );
        expect(ctx.output).toHaveBeenCalledWith(
          'repositoryUrl',
          `http://localhost:3000/git/${input.repoName}`,
        );
        const { log, files } = await cloneAndLog(
          gitHost.remoteUrl(input.repoName),
          dir.resolve('clone'),
        );
        expect(log).toEqual([
          `Sam Rivera <sam.rivera@example.com>|Paved|${
            input.gitCommitMessage ?? 'Initial commit from Paved'
          }`,
        ]);
        expect(files).toContain('catalog-info.yaml');
      },
    );

    it('publishes once under retry: same repository, same single commit', async () => {
      const workspacePath = dir.resolve('workspace');
      await writeSampleWorkspace(workspacePath);
      const input = { repoName: 'payments-api' };
      const first = createMockActionContext({
        input,
        workspacePath,
        task: { id: 'task-7' },
      });
      await action().handler(first as any);
      const retry = createMockActionContext({
        input,
        workspacePath,
        task: { id: 'task-7' },
      });
      await action().handler(retry as any);

      const commit = (ctx: any) =>
        ctx.output.mock.calls.find((c: any[]) => c[0] === 'commitHash')[1];
      expect(commit(retry)).toBe(commit(first));
      expect(await gitHost.list()).toEqual(['payments-api']);
      const { log } = await cloneAndLog(
        gitHost.remoteUrl('payments-api'),
        dir.resolve('clone'),
      );
      expect(log).toHaveLength(1);
      // Without a user entity the configured default author is used.
      expect(log[0]).toBe(
        'Paved <paved@example.com>|Paved|Initial commit from Paved',
      );
    });

    it('starts paved/template at the initial commit when the workspace records its template', async () => {
      const workspacePath = dir.resolve('workspace');
      await writeSampleWorkspace(workspacePath);
      const plain = createMockActionContext({
        input: { repoName: 'plain-repo' },
        workspacePath,
        task: { id: 'task-8' },
      });
      await action().handler(plain as any);
      await expect(
        gitHost.resolveCommit('plain-repo', TEMPLATE_BRANCH),
      ).rejects.toThrow(/does not exist/);

      await fs.mkdir(`${workspacePath}/.paved`, { recursive: true });
      await fs.writeFile(
        `${workspacePath}/${LINEAGE_FILE}`,
        'kind: TemplateLineage\n',
      );
      const generated = createMockActionContext({
        input: { repoName: 'generated-repo' },
        workspacePath,
        task: { id: 'task-9' },
      });
      await action().handler(generated as any);
      const commitHash = (generated.output as jest.Mock).mock.calls.find(
        c => c[0] === 'commitHash',
      )[1];
      expect(
        await gitHost.resolveCommit('generated-repo', TEMPLATE_BRANCH),
      ).toBe(commitHash);
      // A retried task finds the branch in place.
      await action().handler(generated as any);
      expect(
        await gitHost.resolveCommit('generated-repo', TEMPLATE_BRANCH),
      ).toBe(commitHash);
    });

    it('does nothing on a dry run', async () => {
      const ctx = createMockActionContext({
        input: { repoName: 'payments-api' },
      });
      await action().handler({ ...ctx, isDryRun: true } as any);
      expect(ctx.output).toHaveBeenCalledWith(
        'repoContentsUrl',
        'http://localhost:7007/api/githost/payments-api/blob/main',
      );
      await expect(fs.readdir(dir.resolve('git'))).rejects.toThrow();
    });

    it.each([
      [
        { repoName: '../../etc/passwd' },
        /^repoName: '..\/..\/etc\/passwd' must match/,
      ],
      [{ repoName: 'ok-name', sourcePath: '../../etc' }, /outside/i],
    ])('refuses hostile input %j', async (input, message) => {
      const ctx = createMockActionContext({
        input,
        workspacePath: dir.resolve('workspace'),
      });
      await expect(action().handler(ctx as any)).rejects.toThrow(message);
      await expect(fs.readdir(dir.resolve('git'))).rejects.toThrow();
    });
  });
});
