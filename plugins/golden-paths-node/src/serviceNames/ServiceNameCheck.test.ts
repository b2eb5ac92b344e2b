import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { writeSampleWorkspace } from '@paved/plugin-githost-node/testUtils';
import { ServiceNameCheck } from './ServiceNameCheck';

jest.setTimeout(30_000);

describe('ServiceNameCheck', () => {
  const dir = createMockDirectory();
  const credentials = mockCredentials.user('user:default/sam.rivera');
  let gitHost: LocalGitHost;

  beforeEach(async () => {
    dir.clear();
    gitHost = new LocalGitHost(dir.resolve('git'));
    await writeSampleWorkspace(dir.resolve('workspace'));
    await gitHost.publish({
      name: 'orphan-repo',
      sourceDirectory: dir.resolve('workspace'),
      taskId: 'task-1',
      author: { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      committer: { name: 'Paved', email: 'paved@example.com' },
      message: 'Initial commit',
    });
  });

  const check = (publishTarget: 'local' | 'github' = 'local') =>
    new ServiceNameCheck({
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'ledger-service' },
            spec: { type: 'service', owner: 'payments', lifecycle: 'x' },
          },
        ],
      }),
      gitHost,
      publishTarget,
    });

  it('says a new name is free', async () => {
    await expect(
      check().check({ name: 'orders-api', namespace: 'default', credentials }),
    ).resolves.toEqual({ name: 'orders-api', available: true });
  });

  it.each(['Orders_API', 'a', 'orders-', '1orders', 'a'.repeat(64)])(
    'names the pattern %j breaks',
    async name => {
      const answer = await check().check({
        name,
        namespace: 'default',
        credentials,
      });
      expect(answer.available).toBe(false);
      expect(answer.problem).toMatch(
        new RegExp(`^name: '${name}' must be .* \\(rule: pattern\\)$`),
      );
    },
  );

  it('refuses a name the catalog or the git host already has', async () => {
    await expect(
      check().check({
        name: 'ledger-service',
        namespace: 'default',
        credentials,
      }),
    ).resolves.toEqual({
      name: 'ledger-service',
      available: false,
      problem:
        'name: component:default/ledger-service already exists in the catalog (rule: unique-name)',
    });
    await expect(
      check().check({ name: 'orphan-repo', namespace: 'default', credentials }),
    ).resolves.toMatchObject({
      problem:
        "name: repository 'orphan-repo' already exists on the local git host (rule: unique-name)",
    });
  });

  it('ignores the git host when golden paths publish elsewhere, and a task’s own repository', async () => {
    await expect(
      check('github').check({
        name: 'orphan-repo',
        namespace: 'default',
        credentials,
      }),
    ).resolves.toMatchObject({ available: true });
    await expect(
      check().check({
        name: 'orphan-repo',
        namespace: 'default',
        credentials,
        ownRepositoryOfTask: 'task-1',
      }),
    ).resolves.toMatchObject({ available: true });
    await expect(
      check().check({
        name: 'orphan-repo',
        namespace: 'default',
        credentials,
        ownRepositoryOfTask: 'task-2',
      }),
    ).resolves.toMatchObject({ available: false });
  });
});
