import { KubernetesCompositeResourceCluster } from './ClusterClient';
import type { PostgreSQLInstanceManifest } from './manifest';
import { startFakeApiServer } from './testApiServer';

/**
 * The real `@kubernetes/client-node` object API, loaded on first use, against a fake API server:
 * server-side apply, reads, deletes and error bodies, as a cluster answers them.
 */
describe('KubernetesCompositeResourceCluster', () => {
  const manifest = {
    apiVersion: 'database.paved.dev/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: { name: 'orders-db', namespace: 'team-payments' },
    spec: { parameters: { size: 'small', storageGB: 10 } },
  } as unknown as PostgreSQLInstanceManifest;

  let api: Awaited<ReturnType<typeof startFakeApiServer>>;

  // The client is a large ESM package the test runner transforms on first load: take that here,
  // not in the first test's time.
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@kubernetes/client-node');
    api = await startFakeApiServer();
  }, 60_000);
  afterAll(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.objects.clear();
    api.fail(undefined);
  });

  const cluster = () =>
    new KubernetesCompositeResourceCluster(
      { url: api.url, token: 'cluster-token', skipTLSVerify: true } as any,
      'paved-provisioning',
    );

  it('applies server-side as its field manager, with force, and the bearer token', async () => {
    await cluster().apply(manifest);

    const patch = api.requests.find(r => r.method === 'PATCH');
    expect(patch).toBeDefined();
    const url = new URL(patch!.url, api.url);
    expect(url.pathname).toBe(
      '/apis/database.paved.dev/v1alpha1/namespaces/team-payments/postgresqlinstances/orders-db',
    );
    expect(url.searchParams.get('fieldManager')).toBe('paved-provisioning');
    expect(url.searchParams.get('force')).toBe('true');
    expect(patch!.contentType).toBe('application/apply-patch+yaml');
    expect(patch!.authorization).toBe('Bearer cluster-token');
    expect(api.objects.get('team-payments/orders-db')).toMatchObject({
      spec: { parameters: { size: 'small' } },
    });
  });

  it('reads the live object, and answers undefined for one that does not exist', async () => {
    await expect(cluster().read(manifest)).resolves.toBeUndefined();

    await cluster().apply(manifest);
    api.setStatus({ conditions: [{ type: 'Ready', status: 'True' }] });
    await expect(cluster().read(manifest)).resolves.toMatchObject({
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
  });

  it('deletes, and takes an object that is already gone as deleted', async () => {
    await cluster().apply(manifest);
    await cluster().delete(manifest);
    expect(api.objects.has('team-payments/orders-db')).toBe(false);

    await expect(cluster().delete(manifest)).resolves.toBeUndefined();
  });

  it("reports the API server's message, never its headers", async () => {
    api.fail({
      code: 403,
      message: 'postgresqlinstances is forbidden: user "paved" cannot patch',
    });
    const apply = cluster().apply(manifest);
    await expect(apply).rejects.toThrow(
      new Error(
        'Kubernetes API apply failed with HTTP 403: postgresqlinstances is forbidden: user "paved" cannot patch',
      ),
    );
    await expect(apply).rejects.not.toThrow('secret-audience');
  });
});
