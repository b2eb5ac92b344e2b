import { createHash } from 'node:crypto';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PROVISIONING_REQUEST,
  LABEL_ENVIRONMENT,
  LABEL_OWNER,
  ENGINE_DEFINITIONS,
  PROVISIONED_OBJECT_ANNOTATIONS,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import { stringify as stringifyYaml } from 'yaml';
import type { CrossplaneProviderConfig } from './config';

export const XR_API_VERSION = 'database.paved.dev/v1alpha1';
export const XR_KIND = 'PostgreSQLInstance';
export const CLAIM_KIND = 'PostgreSQLInstanceClaim';

/** The subset of a Kubernetes object the provider renders and reads. */
export interface PostgreSQLInstanceManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: Record<string, unknown>;
  status?: {
    conditions?: Array<{
      type: string;
      status: string;
      reason?: string;
      message?: string;
    }>;
    host?: string;
    port?: number;
    databaseName?: string;
    username?: string;
    connectionSecretName?: string;
  };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// Crossplane copies the XR's name into a label on every composed resource, so it must fit 63.
const MAX_NAME_LENGTH = 63;

/** The object's name: `<name>-<environment>`, shortened with a hash when too long. */
export function manifestName(request: DatabaseRequest): string {
  const full = `${request.name}-${request.environment}`;
  if (full.length <= MAX_NAME_LENGTH) {
    return full;
  }
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  const head = full
    .slice(0, MAX_NAME_LENGTH - hash.length - 1)
    .replace(/-+$/, '');
  return `${head}-${hash}`;
}

/** The team's namespace: a configured override, else prefix + the group's name. */
export function teamNamespace(
  owner: string,
  namespaces: CrossplaneProviderConfig['namespaces'],
): string {
  const ownerRef = owner.toLocaleLowerCase('en-US');
  const override = namespaces.overrides[ownerRef];
  if (override) {
    return override;
  }
  const { namespace, name } = parseEntityRef(ownerRef);
  // Groups outside the default namespace get their entity namespace too, so two teams named
  // alike in different entity namespaces never share a Kubernetes namespace.
  const base = namespace === 'default' ? name : `${namespace}-${name}`;
  return `${namespaces.prefix}${base}`;
}

/** A value usable as a Kubernetes label value (63 characters, alphanumeric ends). */
function labelValue(value: string): string {
  return value
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/** The namespace, name, labels and annotations every rendered object of a request carries. */
function renderMetadata(
  request: DatabaseRequest,
  config: Pick<CrossplaneProviderConfig, 'namespaces'>,
): PostgreSQLInstanceManifest['metadata'] {
  const name = manifestName(request);
  const namespace = teamNamespace(request.owner, config.namespaces);
  if (!DNS_LABEL.test(namespace) || namespace.length > 63) {
    throw new Error(
      `Namespace "${namespace}" for owner ${request.owner} is not a valid Kubernetes namespace name`,
    );
  }
  const owner = request.owner.toLocaleLowerCase('en-US');
  const { name: ownerName } = parseEntityRef(owner);
  const annotations: Record<string, string> = {
    [PROVISIONED_OBJECT_ANNOTATIONS.owner]: owner,
    [PROVISIONED_OBJECT_ANNOTATIONS.requestedBy]: request.requestedBy,
  };
  if (request.system) {
    annotations[PROVISIONED_OBJECT_ANNOTATIONS.system] = request.system;
  }
  if (request.component) {
    annotations[PROVISIONED_OBJECT_ANNOTATIONS.component] = request.component;
  }
  return {
    name,
    namespace,
    labels: {
      'app.kubernetes.io/managed-by': 'paved',
      [LABEL_OWNER]: labelValue(ownerName),
      [LABEL_ENVIRONMENT]: request.environment,
      [ANNOTATION_PROVISIONING_REQUEST]: labelValue(request.id),
    },
    annotations,
  };
}

/** The spec fields that trace an object back to its team and request. */
function traceFields(request: DatabaseRequest): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    environment: request.environment,
    owner: request.owner.toLocaleLowerCase('en-US'),
    requestId: request.id,
  };
  if (request.system) {
    fields.system = request.system.toLocaleLowerCase('en-US');
  }
  if (request.expiresAt) {
    fields.expiresAt = request.expiresAt;
  }
  return fields;
}

/** Renders the namespaced composite resource (or the legacy claim) for a request. */
export function renderPostgreSQLInstance(
  request: DatabaseRequest,
  config: Pick<
    CrossplaneProviderConfig,
    'mode' | 'namespaces' | 'defaultVersion'
  >,
): PostgreSQLInstanceManifest {
  const metadata = renderMetadata(request, config);
  const spec: Record<string, unknown> = {
    databaseName: request.name,
    size: request.size,
    storageGB: request.storageGB,
    engineVersion: (request.version ?? config.defaultVersion).split('.')[0],
    ...traceFields(request),
    deletionProtection: request.environment === 'production',
  };
  if (config.mode === 'claim') {
    // v1 claims carry where the connection secret goes; v2 XRs compose it in their namespace.
    spec.writeConnectionSecretToRef = { name: `${metadata.name}-connection` };
  }
  return {
    apiVersion: XR_API_VERSION,
    kind: config.mode === 'claim' ? CLAIM_KIND : XR_KIND,
    metadata,
    spec,
  };
}

export const REDIS_XR_API_VERSION = 'cache.paved.dev/v1alpha1';
export const REDIS_XR_KIND = 'RedisInstance';

/**
 * Renders the namespaced RedisInstance (Crossplane v2, infrastructure/crossplane/redis) for a
 * Redis request: the request's `storageGB` is the cache's memory.
 */
export function renderRedisInstance(
  request: DatabaseRequest,
  config: Pick<CrossplaneProviderConfig, 'namespaces'>,
): PostgreSQLInstanceManifest {
  return {
    apiVersion: REDIS_XR_API_VERSION,
    kind: REDIS_XR_KIND,
    metadata: renderMetadata(request, config),
    spec: {
      cacheName: request.name,
      size: request.size,
      memoryGB: request.storageGB,
      engineVersion:
        request.version ?? ENGINE_DEFINITIONS.redis.versions.default,
      ...traceFields(request),
    },
  };
}

export const SNAPSHOT_XR_KIND = 'PostgreSQLSnapshot';

/** The RDS DB snapshot identifier of a Paved snapshot (its id is a UUID): a letter first. */
export function rdsSnapshotIdentifier(snapshotId: string): string {
  if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/.test(snapshotId)) {
    throw new Error(`snapshot id "${snapshotId.slice(0, 80)}" is not a UUID`);
  }
  return `paved-${snapshotId}`;
}

/**
 * Renders the PostgreSQLSnapshot (infrastructure/crossplane/snapshot) of a request's instance:
 * named after the snapshot, in the instance's namespace, with the request's labels.
 */
export function renderPostgreSQLSnapshot(
  request: DatabaseRequest,
  snapshotId: string,
  config: Pick<CrossplaneProviderConfig, 'namespaces'>,
): PostgreSQLInstanceManifest {
  const identifier = rdsSnapshotIdentifier(snapshotId);
  const metadata = renderMetadata(request, config);
  return {
    apiVersion: XR_API_VERSION,
    kind: SNAPSHOT_XR_KIND,
    // 42 characters: fits a Kubernetes name, unique per snapshot.
    metadata: { ...metadata, name: identifier },
    spec: {
      instanceName: metadata.name,
      snapshotIdentifier: identifier,
      environment: request.environment,
      owner: request.owner.toLocaleLowerCase('en-US'),
      requestId: request.id,
    },
  };
}

/** The file content of a manifest: a header naming the request, then the YAML. */
export function toYaml(
  manifest: PostgreSQLInstanceManifest,
  request: DatabaseRequest,
): string {
  return `# Managed by Paved for provisioning request ${
    request.id
  }; change it through the portal.\n${stringifyYaml(manifest)}`;
}
