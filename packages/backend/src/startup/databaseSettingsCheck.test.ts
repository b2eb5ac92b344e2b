import { ConfigReader } from '@backstage/config';
import { findDatabaseSettingProblems } from './databaseSettingsCheck';

const pg = (connection: Record<string, string | number>) =>
  new ConfigReader({ backend: { database: { client: 'pg', connection } } });

describe('findDatabaseSettingProblems', () => {
  it('accepts complete settings and ignores SQLite', () => {
    expect(
      findDatabaseSettingProblems(
        pg({ host: 'db', port: 5432, user: 'paved', password: 's3cret' }),
      ),
    ).toEqual([]);
    expect(
      findDatabaseSettingProblems(
        new ConfigReader({ backend: { database: { client: 'better-sqlite3' } } }),
      ),
    ).toEqual([]);
  });

  it('names each missing setting and its environment variable', () => {
    expect(findDatabaseSettingProblems(pg({ port: 5432, user: 'paved' }))).toEqual([
      'backend.database.connection.host is not set: set the environment variable POSTGRES_HOST',
      'backend.database.connection.password is not set: set the environment variable POSTGRES_PASSWORD',
    ]);
  });

  it('refuses a port that is not a TCP port', () => {
    expect(
      findDatabaseSettingProblems(
        pg({ host: 'db', port: 'fivefourthreetwo', user: 'u', password: 'p' }),
      ),
    ).toEqual([
      'backend.database.connection.port must be a TCP port (1-65535), got "fivefourthreetwo": check POSTGRES_PORT',
    ]);
  });
});
