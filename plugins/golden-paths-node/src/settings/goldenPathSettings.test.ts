import { ConfigReader } from '@backstage/config';
import { readGoldenPathSettings } from './goldenPathSettings';

const base = { backend: { baseUrl: 'http://localhost:7007/' } };

describe('readGoldenPathSettings', () => {
  it('defaults to the local target and the configured default author', () => {
    const settings = readGoldenPathSettings(new ConfigReader(base));
    expect(settings).toEqual({
      publishTarget: 'local',
      github: undefined,
      gitlab: undefined,
      backendBaseUrl: 'http://localhost:7007',
      committer: { name: 'Paved', email: 'paved@example.com' },
    });
  });

  it('reads a GitHub target with its owner, and refuses one without', () => {
    const github = readGoldenPathSettings(
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
      readGoldenPathSettings(
        new ConfigReader({ ...base, paved: { publish: { target: 'gitlab' } } }),
      ),
    ).toThrow(
      'paved.publish.gitlab.owner is required when paved.publish.target is gitlab',
    );
    expect(() =>
      readGoldenPathSettings(
        new ConfigReader({ ...base, paved: { publish: { target: 'svn' } } }),
      ),
    ).toThrow(
      "paved.publish.target must be one of local, github, gitlab, got 'svn'",
    );
  });
});
