import { ConfigReader } from '@backstage/config';
import { readGitRepositoryConfig } from './repositoryConfig';

describe('readGitRepositoryConfig', () => {
  const defaults = { urlKey: 'url', defaultUrl: '/git/infrastructure.git' };

  it('defaults to a repository on the local git host, created on first use', () => {
    for (const config of [undefined, new ConfigReader({})]) {
      expect(readGitRepositoryConfig(config, defaults)).toEqual({
        url: '/git/infrastructure.git',
        branch: 'main',
        directory: 'databases',
        authorName: 'Paved',
        authorEmail: 'paved@example.com',
        createIfMissing: true,
      });
    }
  });

  it('reads a configured repository, never created when missing', () => {
    const config = new ConfigReader({
      repository: 'https://git.example.com/platform/gitops.git',
      branch: 'release',
      directory: 'claims',
      authorName: 'Platform bot',
      authorEmail: 'bot@example.com',
    });
    expect(
      readGitRepositoryConfig(config, { ...defaults, urlKey: 'repository' }),
    ).toEqual({
      url: 'https://git.example.com/platform/gitops.git',
      branch: 'release',
      directory: 'claims',
      authorName: 'Platform bot',
      authorEmail: 'bot@example.com',
      createIfMissing: false,
    });
  });

  it('names the whole key of a wrong setting', () => {
    const root = new ConfigReader({
      provisioning: { providers: { terraform: { repository: { url: 7 } } } },
    });
    expect(() =>
      readGitRepositoryConfig(
        root.getConfig('provisioning.providers.terraform.repository'),
        defaults,
      ),
    ).toThrow(/provisioning\.providers\.terraform\.repository\.url/);
  });
});
