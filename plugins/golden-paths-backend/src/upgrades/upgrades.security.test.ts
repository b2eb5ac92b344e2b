import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import request from 'supertest';
import { createServiceAt100 } from '../__testUtils__/gitRepositories';
import {
  BACKEND_BASE_URL,
  generatedComponent,
  lee,
  sam,
  startUpgradeBackend,
} from '../__testUtils__/upgradeBackend';

jest.setTimeout(120_000);

/** Proposing writes branches and opens change requests in a team's repository: who may? */
describe('upgrade proposals: trust rules', () => {
  const dir = createMockDirectory();
  let gitHost: LocalGitHost;
  let backend: Awaited<ReturnType<typeof startUpgradeBackend>>;
  const impostor = generatedComponent('impostor', {
    version: '1.0.0',
    owner: 'search',
  });
  // Registered from elsewhere, but claiming the payments team's repository as its source.
  impostor.metadata.annotations = {
    ...impostor.metadata.annotations,
    'backstage.io/managed-by-location':
      'url:https://example.com/impostor/catalog-info.yaml',
    'backstage.io/source-location': `url:${BACKEND_BASE_URL}/api/githost/orders/blob/main/`,
  };

  beforeAll(async () => {
    dir.clear();
    gitHost = new LocalGitHost(dir.resolve('git'));
    await createServiceAt100(gitHost, 'orders');
    backend = await startUpgradeBackend({
      gitDirectory: dir.resolve('git'),
      components: [
        generatedComponent('orders', { version: '1.0.0' }),
        impostor,
      ],
    });
  });
  afterAll(() => backend?.stop());

  const branches = () =>
    gitText([
      `--git-dir=${gitHost.repositoryPath('orders')}`,
      'branch',
      '--format=%(refname:short)',
    ]);

  it('refuses a user outside the owning team and the platform team, touching nothing', async () => {
    const before = await branches();
    const res = await request(backend.server)
      .post('/api/golden-paths/upgrades')
      .set('authorization', lee)
      .send({ entityRef: 'component:default/orders' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /^entityRef: user:default\/lee.chen may not propose an upgrade of component:default\/orders: .* \(rule: owner-membership\)$/,
    );
    expect(await branches()).toBe(before);
  });

  it('refuses a plugin token: proposals are made by people or by the scheduled run', async () => {
    const res = await request(backend.server)
      .post('/api/golden-paths/upgrades')
      .set(
        'authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:scorecards'),
          targetPluginId: 'golden-paths',
        }),
      )
      .send({ entityRef: 'component:default/orders' });
    expect(res.status).toBe(403);
  });

  it("never follows a source location into another team's repository", async () => {
    const before = await branches();
    const res = await request(backend.server)
      .post('/api/golden-paths/upgrades')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/lee.chen'),
      )
      .send({ entityRef: 'component:default/impostor' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\(rule: repository\)$/);
    expect(await branches()).toBe(before);
    expect(before).toBe('main\npaved/template');
  });

  it('does not let a proposer choose branches, paths or versions', async () => {
    const res = await request(backend.server)
      .post('/api/golden-paths/upgrades')
      .set('authorization', sam)
      .send({
        entityRef: 'component:default/orders',
        toVersion: '9.9.9',
        branch: '../main',
      });
    expect(res.status).toBe(400);
    expect(await branches()).toBe('main\npaved/template');
  });
});
