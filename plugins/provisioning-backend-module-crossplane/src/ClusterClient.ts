import type { KubernetesObjectApi } from '@kubernetes/client-node';
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

type KubernetesClient = typeof import('@kubernetes/client-node');

/**
 * `@kubernetes/client-node` is loaded on first use, not at start-up: it is large (about 25 MB of
 * heap), and most installations never reach a cluster from here (GitOps delivery without a cluster
 * connection), as Backstage's own Kubernetes plugin loads it only when asked. A `require` rather
 * than `import()`: the package is ESM, which Node 22 and the test runner both load this way.
 */
function loadKubernetesClient(): KubernetesClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@kubernetes/client-node');
}

function isNotFound(k8s: KubernetesClient, error: unknown): boolean {
  return error instanceof k8s.ApiException && error.code === 404;
}

/** Errors from the API server without its response headers (which may echo the token's audience). */
function describeApiError(
  k8s: KubernetesClient,
  action: string,
  error: unknown,
): Error {
  if (error instanceof k8s.ApiException) {
    let message = '';
    try {
      const body =
        typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
      message = body?.message ?? '';
    } catch {
      message = String(error.body).slice(0, 300);
    }
    return new Error(
      `Kubernetes API ${action} failed with HTTP ${error.code}${
        message ? `: ${message}` : ''
      }`,
    );
  }
  return new Error(
    `Kubernetes API ${action} failed: ${(error as Error).message}`,
  );
}

/** The cluster reached through `@kubernetes/client-node`'s generic object API. */
export class KubernetesCompositeResourceCluster
  implements CompositeResourceCluster
{
  private client?: { k8s: KubernetesClient; api: KubernetesObjectApi };

  constructor(
    private readonly cluster: NonNullable<CrossplaneProviderConfig['cluster']>,
    private readonly fieldManager: string,
  ) {}

  private connect() {
    if (!this.client) {
      const k8s = loadKubernetesClient();
      const api = k8s.KubernetesObjectApi.makeApiClient(
        this.kubeConfig(new k8s.KubeConfig()),
      );
      this.client = { k8s, api };
    }
    return this.client;
  }

  private kubeConfig(kubeConfig: InstanceType<KubernetesClient['KubeConfig']>) {
    const { cluster } = this;
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
        contexts: [
          { name: 'crossplane', cluster: 'crossplane', user: 'paved' },
        ],
        currentContext: 'crossplane',
      });
    }
    return kubeConfig;
  }

  async apply(manifest: PostgreSQLInstanceManifest): Promise<void> {
    const { k8s, api } = this.connect();
    try {
      // force: Paved is the only writer of these fields; taking them back from a hand edit is
      // what makes the portal the source of truth.
      await api.patch(
        manifest,
        undefined,
        undefined,
        this.fieldManager,
        true,
        k8s.PatchStrategy.ServerSideApply,
      );
    } catch (error) {
      throw describeApiError(k8s, 'apply', error);
    }
  }

  async read(
    manifest: PostgreSQLInstanceManifest,
  ): Promise<PostgreSQLInstanceManifest | undefined> {
    const { k8s, api } = this.connect();
    try {
      return (await api.read({
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        metadata: {
          name: manifest.metadata.name,
          namespace: manifest.metadata.namespace,
        },
      })) as unknown as PostgreSQLInstanceManifest;
    } catch (error) {
      if (isNotFound(k8s, error)) {
        return undefined;
      }
      throw describeApiError(k8s, 'read', error);
    }
  }

  async delete(manifest: PostgreSQLInstanceManifest): Promise<void> {
    const { k8s, api } = this.connect();
    try {
      await api.delete({
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        metadata: {
          name: manifest.metadata.name,
          namespace: manifest.metadata.namespace,
        },
      });
    } catch (error) {
      if (!isNotFound(k8s, error)) {
        throw describeApiError(k8s, 'delete', error);
      }
    }
  }
}
