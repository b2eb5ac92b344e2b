import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import {
  committer,
  createServiceAt100,
} from '../__testUtils__/gitRepositories';
import { createTestRenderer, templateEntity } from '../__testUtils__/templates';
import { generatedComponent } from '../__testUtils__/upgradeBackend';
import { TemplateUpgrader } from './TemplateUpgrader';
import { cloneRemote, repositoryTargetOf } from './repositories';

jest.setTimeout(120_000);

describe('repositoryTargetOf', () => {
  const base = 'http://localhost:7007';

  it('finds the local git host repository the catalog read the component from', () => {
    expect(
      repositoryTargetOf(
        generatedComponent('orders', { version: '1.0.0' }),
        base,
      ),
    ).toEqual({
      kind: 'local',
      repository: 'orders',
    });
  });

  it('finds GitHub and GitLab repositories by their project slug', () => {
    const github = generatedComponent('orders', { version: '1.0.0' });
    github.metadata.annotations = {
      'backstage.io/managed-by-location':
        'url:https://github.example.com/acme/orders/blob/main/catalog-info.yaml',
      'github.com/project-slug': 'acme/orders',
    };
    expect(repositoryTargetOf(github, base)).toEqual({
      kind: 'github',
      host: 'github.example.com',
      owner: 'acme',
      repo: 'orders',
    });
    const gitlab = generatedComponent('orders', { version: '1.0.0' });
    gitlab.metadata.annotations = {
      'backstage.io/managed-by-location':
        'url:https://gitlab.com/acme/team/orders/-/blob/main/catalog-info.yaml',
      'gitlab.com/project-slug': 'acme/team/orders',
    };
    expect(repositoryTargetOf(gitlab, base)).toEqual({
      kind: 'gitlab',
      host: 'gitlab.com',
      project: 'acme/team/orders',
    });
  });

  it('finds nothing for a component from elsewhere, whatever its source location claims', () => {
    const other = generatedComponent('orders', { version: '1.0.0' });
    other.metadata.annotations = {
      'backstage.io/managed-by-location':
        'url:https://example.com/orders/catalog-info.yaml',
      'backstage.io/source-location': `url:${base}/api/githost/orders/blob/main/`,
    };
    expect(repositoryTargetOf(other, base)).toBeUndefined();
  });
});

describe('cloneRemote (a remote repository, here served over file://)', () => {
  const dir = createMockDirectory();

  it('prepares the upgrade in a temporary clone and pushes both branches back', async () => {
    dir.clear();
    const remote = new LocalGitHost(dir.resolve('remote'));
    await createServiceAt100(remote, 'orders');
    const checkout = await cloneRemote(remote.remoteUrl('orders'));
    try {
      const upgrade = await new TemplateUpgrader({
        renderer: createTestRenderer(),
        committer,
      }).prepare({
        gitDir: checkout.gitDir,
        template: templateEntity('typescript-service'),
        defaultBranch: 'main',
      });
      const git = (...args: string[]) =>
        gitText([`--git-dir=${remote.repositoryPath('orders')}`, ...args]);
      // Nothing reached the remote before publishing.
      await expect(
        git('rev-parse', '--verify', upgrade.branch),
      ).rejects.toThrow();
      await checkout.publish([
        { name: 'paved/template', force: false },
        { name: upgrade.branch, force: true },
      ]);
      expect(await git('rev-parse', upgrade.branch)).toBe(upgrade.commitSha);
      expect(await git('rev-parse', 'paved/template')).toBe(
        upgrade.templateCommit,
      );
    } finally {
      await checkout.dispose();
    }
  });

  it('names the failure without the token when the remote refuses', async () => {
    const error = await cloneRemote(
      `file://${dir.resolve('nowhere.git')}`,
      'Authorization: Basic c2VjcmV0',
    ).catch(e => e);
    expect(error.message).toMatch(/^git clone failed/);
    expect(`${error.message} ${error.stderr}`).not.toContain('c2VjcmV0');
  });
});
