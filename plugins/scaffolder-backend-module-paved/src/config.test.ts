import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { findRepoRoot } from '@paved/backend-platform';
import { readPavedScaffolderConfig } from './config';

const base = { backend: { baseUrl: 'http://localhost:7007/' } };

describe('readPavedScaffolderConfig', () => {
  it('defaults to the local target and .data/git in the repository root', () => {
    const settings = readPavedScaffolderConfig(
      new ConfigReader(base),
      __dirname,
    );
    expect(settings.publishTarget).toBe('local');
    expect(settings.gitHostDirectory).toBe(
      path.join(findRepoRoot(__dirname), '.data', 'git'),
    );
    expect(settings.backendBaseUrl).toBe('http://localhost:7007');
    expect(settings.committer).toEqual({
      name: 'Paved',
      email: 'paved@example.com',
    });
  });

  it('resolves a configured directory against the working directory', () => {
    const settings = readPavedScaffolderConfig(
      new ConfigReader({
        ...base,
        paved: { gitHost: { directory: '../../.data/git' } },
      }),
      '/srv/paved/packages/backend',
    );
    expect(settings.gitHostDirectory).toBe('/srv/paved/.data/git');
  });

  it('reads a GitHub target with its owner, and refuses one without', () => {
    const github = readPavedScaffolderConfig(
      new ConfigReader({
        ...base,
        paved: {
          publish: { target: 'github', github: { owner: 'paved-org' } },
        },
      }),
    );
    expect(github.publishTarget).toBe('github');
    expect(github.github).toEqual({ host: 'github.com', owner: 'paved-org' });
    expect(() =>
      readPavedScaffolderConfig(
        new ConfigReader({ ...base, paved: { publish: { target: 'gitlab' } } }),
      ),
    ).toThrow(
      'paved.publish.gitlab.owner is required when paved.publish.target is gitlab',
    );
    expect(() =>
      readPavedScaffolderConfig(
        new ConfigReader({ ...base, paved: { publish: { target: 'svn' } } }),
      ),
    ).toThrow(
      "paved.publish.target must be one of local, github, gitlab, got 'svn'",
    );
  });
});
