import {
  ApiException,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import type { CrossplaneProviderConfig } from './config';
import type { PostgreSQLInstanceManifest } from './manifest';

/** What the provider needs from a Kubernetes cluster. */
export interface CompositeResourceCluster {
  /** Server-side apply: creates or updates exactly the fields Paved manages. */
  apply(manifest: PostgreSQLInstanceManifest): Promise<void>;
  /** The live object with its status, or undefined when it does not exist. */
  read(
    manifest: PostgreSQLInstanceManifest,
  ): Promise<PostgreSQLInstanceManifest | undefined>;
  /** Deletes the object; a missing object is not an error. */
  delete(manifest: PostgreSQLInstanceManifest): Promise<void>;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiException && error.code === 404;
}

/** Errors from the API server without its response headers (which may echo the token's audience). */
function describeApiError(action: string, error: unknown): Error {
  if (error instanceof ApiException) {
    let message = '';
    try {
      const body = typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
      message = body?.message ?? '';
    } catch {
      message = String(error.body).slice(0, 300);
    }
    return new Error(
      `Kubernetes API ${action} failed with HTTP ${error.code}${message ? `: ${message}` : ''}`,
    );
  }
  return new Error(`Kubernetes API ${action} failed: ${(error as Error).message}`);
}

/** The cluster reached through `@kubernetes/client-node`'s generic object API. */
export class KubernetesCompositeResourceCluster implements CompositeResourceCluster {
  private readonly api: KubernetesObjectApi;

  constructor(
    cluster: NonNullable<CrossplaneProviderConfig['cluster']>,
    private readonly fieldManager: string,
  ) {
    const kubeConfig = new KubeConfig();
    if (cluster.url === 'in-cluster') {
      kubeConfig.loadFromCluster();
    } else {
      kubeConfig.loadFromOptions({
        clusters: [
          {
            name: 'crossplane',
            server: cluster.url,
            caData: cluster.caData,
            skipTLSVerify: cluster.skipTLSVerify,
          },
        ],
        users: [{ name: 'paved', token: cluster.token }],
        contexts: [{ name: 'crossplane', cluster: 'crossplane', user: 'paved' }],
        currentContext: 'crossplane',
      });
    }
    this.api = KubernetesObjectApi.makeApiClient(kubeConfig);
  }

  async apply(manifest: PostgreSQLInstanceManifest): Promise<void> {
    try {
      // force: Paved is the only writer of these fields; taking them back from a hand edit is
      // what makes the portal the source of truth.
      await this.api.patch(
        manifest,
        undefined,
        undefined,
        this.fieldManager,
        true,
        PatchStrategy.ServerSideApply,
      );
    } catch (error) {
      throw describeApiError('apply', error);
    }
  }

  async read(
    manifest: PostgreSQLInstanceManifest,
  ): Promise<PostgreSQLInstanceManifest | undefined> {
    try {
      return (await this.api.read({
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        metadata: {
          name: manifest.metadata.name,
          namespace: manifest.metadata.namespace,
        },
      })) as unknown as PostgreSQLInstanceManifest;
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw describeApiError('read', error);
    }
  }

  async delete(manifest: PostgreSQLInstanceManifest): Promise<void> {
    try {
      await this.api.delete({
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        metadata: {
          name: manifest.metadata.name,
          namespace: manifest.metadata.namespace,
        },
      });
    } catch (error) {
      if (!isNotFound(error)) {
        throw describeApiError('delete', error);
      }
    }
  }
}
