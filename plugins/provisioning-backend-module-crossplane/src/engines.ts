import path from 'node:path';
import {
  ENGINE_DEFINITIONS,
  type DatabaseRequest,
  type DatabaseType,
} from '@paved/plugin-provisioning-common';
import type { ProvisioningStatus } from '@paved/plugin-provisioning-node';
import type { CrossplaneProviderConfig } from './config';
import {
  PostgreSQLInstanceManifest,
  renderPostgreSQLInstance,
  renderRedisInstance,
} from './manifest';

/** What differs between the engines the crossplane provider serves. */
export interface CrossplaneEngine {
  /** The XRD's file, relative to `definitionsDirectory`, per render mode (absent: not offered). */
  xrdFile: Partial<Record<'composite' | 'claim', string>>;
  /** The snapshot XRD's file per render mode (absent: no snapshot and restore). */
  snapshotXrdFile?: Partial<Record<'composite' | 'claim', string>>;
  render(
    request: DatabaseRequest,
    config: CrossplaneProviderConfig,
  ): PostgreSQLInstanceManifest;
  /** Outputs when the XR's status leaves them out. */
  defaults: {
    port: number;
    database(manifest: PostgreSQLInstanceManifest): string;
    username?: string;
  };
}

export const CROSSPLANE_ENGINES = {
  postgresql: {
    xrdFile: { composite: 'xrd.yaml', claim: path.join('legacy', 'xrd.yaml') },
    // The legacy claim API has no restoreFromSnapshot; snapshots are a Crossplane v2 XR.
    snapshotXrdFile: { composite: path.join('snapshot', 'xrd.yaml') },
    render: renderPostgreSQLInstance,
    defaults: {
      port: ENGINE_DEFINITIONS.postgresql.defaultPort,
      database: manifest => String(manifest.spec.databaseName),
    },
  },
  redis: {
    xrdFile: { composite: path.join('redis', 'xrd.yaml') },
    render: renderRedisInstance,
    defaults: {
      port: ENGINE_DEFINITIONS.redis.defaultPort,
      database: () => '0',
      // ElastiCache with an auth token (composition.yaml) has only the `default` user.
      username: 'default',
    },
  },
} satisfies Record<DatabaseType, CrossplaneEngine>;

/** Maps the XR's (or claim's) Crossplane conditions to a provisioning status. */
export function statusFromConditions(
  live: PostgreSQLInstanceManifest,
  rendered: PostgreSQLInstanceManifest,
  engine: CrossplaneEngine = CROSSPLANE_ENGINES.postgresql,
): ProvisioningStatus {
  const conditions = live.status?.conditions ?? [];
  const ready = conditions.find(c => c.type === 'Ready');
  const synced = conditions.find(c => c.type === 'Synced');
  const target = `${rendered.kind} ${rendered.metadata.namespace}/${rendered.metadata.name}`;

  if (synced?.status === 'False') {
    return {
      state: 'pending',
      message: `Crossplane cannot sync ${target} (${
        synced.reason ?? 'unknown reason'
      }): ${synced.message ?? 'no message'}`,
    };
  }
  if (ready?.status !== 'True') {
    const why = ready
      ? `${ready.reason ?? 'not ready'}${
          ready.message ? `: ${ready.message}` : ''
        }`
      : 'no Ready condition yet';
    return {
      state: 'pending',
      message: `Waiting for ${target} to become Ready (${why})`,
    };
  }
  const status = live.status ?? {};
  const username = status.username ?? engine.defaults.username;
  if (!status.host || !username) {
    return {
      state: 'pending',
      message: `${target} is Ready but has not reported its host and username yet`,
    };
  }
  const secretName =
    status.connectionSecretName ??
    (rendered.spec.writeConnectionSecretToRef as { name: string } | undefined)
      ?.name ??
    `${rendered.metadata.name}-connection`;
  return {
    state: 'ready',
    message: `${target} is Ready`,
    outputs: {
      host: status.host,
      port: status.port ?? engine.defaults.port,
      database: status.databaseName ?? engine.defaults.database(rendered),
      username,
      credentialsRef: `kubernetes-secret:${rendered.metadata.namespace}/${secretName}`,
      connectionSecret: secretName,
      compositeResource: `${rendered.apiVersion}/${rendered.kind}/${rendered.metadata.namespace}/${rendered.metadata.name}`,
    },
  };
}
