import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readPlatformSettings } from './platformSettings';

describe('readPlatformSettings', () => {
  it('defaults to the platform group and the repository .data folder', () => {
    const settings = readPlatformSettings(new ConfigReader({}), __dirname);
    expect(settings.platformTeam).toBe('group:default/platform');
    expect(settings.dataDirectory).toBe(
      path.resolve(__dirname, '../../..', '.data'),
    );
    expect(settings.gitHostDirectory).toBe(
      path.join(settings.dataDirectory, 'git'),
    );
  });

  it('reads one key per setting, relative paths from the working directory', () => {
    const settings = readPlatformSettings(
      new ConfigReader({
        paved: {
          platformTeam: 'Platform-Ops',
          dataDirectory: 'state',
          gitHost: { directory: '/srv/git' },
        },
      }),
      '/work/app',
    );
    expect(settings).toEqual({
      platformTeam: 'group:default/platform-ops',
      dataDirectory: '/work/app/state',
      gitHostDirectory: '/srv/git',
    });
  });

  it('refuses a platform team that is not a group, naming the key', () => {
    expect(() =>
      readPlatformSettings(
        new ConfigReader({ paved: { platformTeam: 'user:default/sam' } }),
      ),
    ).toThrow(/paved\.platformTeam: must name a group/);
  });
});
