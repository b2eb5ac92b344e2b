import type { Config } from '@backstage/config';
import type { PlatformSettings } from '@paved/backend-platform';
import path from 'node:path';

/** `provisioning.providers.sandbox.redis`; see config.d.ts for meanings. */
export interface SandboxRedisSettings {
  /** Admin connection (`redis://[user:password@]host:port`): a user allowed to run `ACL SETUSER`. */
  connection: string;
  /** Host name given to users, when the admin connection's host is not reachable for them. */
  host?: string;
  port?: number;
}

/** `provisioning.providers.sandbox`; see config.d.ts for meanings. */
export interface SandboxSettings {
  connection: string;
  /** Host name given to users, when the admin connection's host is not reachable for them. */
  host?: string;
  port?: number;
  /** Operations run against the admin server at once (default 4). */
  maxConcurrency?: number;
  redis?: SandboxRedisSettings;
  /** Where snapshots are kept (pg_dump files, Redis key dumps). */
  snapshotDirectory: string;
}

export function readSandboxSettings(
  rootConfig: Config,
  platform: Pick<PlatformSettings, 'dataDirectory'>,
): SandboxSettings & { redis: SandboxRedisSettings } {
  const config = rootConfig.getOptionalConfig('provisioning.providers.sandbox');
  const redis = config?.getOptionalConfig('redis');
  return {
    connection:
      config?.getOptionalString('connection') ??
      'postgresql://postgres@127.0.0.1:5432/postgres',
    host: config?.getOptionalString('host'),
    port: config?.getOptionalNumber('port'),
    maxConcurrency: config?.getOptionalNumber('maxConcurrency'),
    snapshotDirectory: path.resolve(
      config?.getOptionalString('snapshotDirectory') ??
        path.join(platform.dataDirectory, 'provisioning', 'snapshots'),
    ),
    redis: {
      connection:
        redis?.getOptionalString('connection') ?? 'redis://127.0.0.1:6379',
      host: redis?.getOptionalString('host'),
      port: redis?.getOptionalNumber('port'),
    },
  };
}
