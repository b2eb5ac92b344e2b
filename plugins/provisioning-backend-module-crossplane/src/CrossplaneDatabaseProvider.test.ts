import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { parse as parseYaml } from 'yaml';
import { databaseConnectionSecretName } from '@paved/plugin-provisioning-common';
import { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
import { databaseRequest } from './testRequests';
import { startFakeApiServer } from './testApiServer';

jest.setTimeout(60_000);

const ctx = {
  logger: mockServices.logger.mock(),
  // This provider keeps no secrets in Paved: credentials stay with the cluster or the cloud.
  secrets: {
    getOrCreate: jest.fn(),
    get: jest.fn(),
    put: jest.fn(),
    delete: jest.fn(),
  },
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

const readyStatus = {
  conditions: [
    { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
    { type: 'Ready', status: 'True', reason: 'Available' },
  ],
  host: 'orders-production.abc123.eu-west-1.rds.amazonaws.com',
  port: 5432,
  databaseName: 'orders',
  username: 'paved_admin',
  connectionSecretName: 'orders-production-connection',
};

describe('CrossplaneDatabaseProvider', () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-crossplane-test-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  describe('GitOps delivery without a cluster', () => {
    function provider() {
      return CrossplaneDatabaseProvider.fromConfig(new ConfigReader({}), {
        gitHostDirectory: root,
      });
    }

    it('commits the validated XR to the local GitOps repository and stays pending', async () => {
      const crossplane = await provider();
      const request = databaseRequest();
      const result = await crossplane.provision(request, ctx);

      const bare = path.join(root, 'infrastructure-gitops.git');
      const commit = git(bare, 'rev-parse', 'main');
      expect(result).toEqual({
        state: 'pending',
        message: `committed to GitOps repo ${commit}; waiting for the cluster to reconcile`,
      });
      const file = git(
        bare,
        'show',
        'main:databases/payments/orders-production.yaml',
      );
      expect(file).toMatch(
        /^# Managed by Paved for provisioning request 0b5e4c1e/,
      );
      expect(parseYaml(file)).toMatchObject({
        apiVersion: 'database.paved.dev/v1alpha1',
        kind: 'PostgreSQLInstance',
        metadata: { name: 'orders-production', namespace: 'payments' },
        spec: { size: 'medium', storageGB: 50, requestId: request.id },
      });

      // A retry after a crash: the same content, so no second commit.
      expect(await crossplane.provision(request, ctx)).toEqual(result);
      expect(git(bare, 'rev-list', '--count', 'main')).toBe('1');

      // Without a cluster nothing can say the database exists, so status never claims ready.
      expect(await crossplane.status(request)).toEqual(result);
    });

    it('fails without committing when the request does not fit the XRD', async () => {
      const crossplane = await provider();
      const result = await crossplane.provision(
        databaseRequest({ storageGB: 100000 }),
        ctx,
      );
      expect(result).toEqual({
        state: 'failed',
        retryable: false,
        message: expect.stringContaining('/spec/storageGB must be <= 16384'),
      });
      await expect(
        fs.stat(path.join(root, 'infrastructure-gitops.git')),
      ).rejects.toThrow();
    });

    it('deprovisions by removing the manifest, once', async () => {
      const crossplane = await provider();
      const request = databaseRequest();
      await crossplane.provision(request, ctx);
      await crossplane.deprovision(request, ctx);
      await crossplane.deprovision(request, ctx);
      const bare = path.join(root, 'infrastructure-gitops.git');
      expect(git(bare, 'rev-list', '--count', 'main')).toBe('2');
      expect(git(bare, 'ls-tree', '-r', '--name-only', 'main')).toBe('');
      expect(await crossplane.status(request)).toMatchObject({
        state: 'failed',
        message:
          'databases/payments/orders-production.yaml is missing from the GitOps repository',
      });
    });

    it('renders the legacy claim when configured', async () => {
      const crossplane = await CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              crossplane: { mode: 'claim', gitops: { directory: 'claims' } },
            },
          },
        }),
        { gitHostDirectory: root },
      );
      // A configured repository is not created on demand.
      await expect(
        crossplane.provision(databaseRequest(), ctx),
      ).resolves.toMatchObject({
        state: 'pending',
      });
      const bare = path.join(root, 'infrastructure-gitops.git');
      const manifest = parseYaml(
        git(bare, 'show', 'main:claims/payments/orders-production.yaml'),
      );
      expect(manifest.kind).toBe('PostgreSQLInstanceClaim');
      expect(manifest.spec.writeConnectionSecretToRef).toEqual({
        name: 'orders-production-connection',
      });
    });
  });

  describe('server-side apply to a cluster', () => {
    let apiServer: Awaited<ReturnType<typeof startFakeApiServer>>;

    beforeEach(async () => {
      apiServer = await startFakeApiServer();
    });
    afterEach(() => apiServer.close());

    function provider() {
      return CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              crossplane: {
                // The client refuses plain HTTP unless TLS verification is off explicitly.
                cluster: {
                  url: apiServer.url,
                  token: 'cluster-token-secret',
                  skipTLSVerify: true,
                },
                fieldManager: 'paved-test',
              },
            },
          },
        }),
        { gitHostDirectory: root },
      );
    }

    it('applies the XR with the apply-patch content type and field manager, then reads conditions', async () => {
      const crossplane = await provider();
      const request = databaseRequest();
      apiServer.setStatus({
        conditions: [
          { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
          {
            type: 'Ready',
            status: 'False',
            reason: 'Creating',
            message:
              'Composite resource claim is waiting for composite resource to become Ready',
          },
        ],
      });

      const result = await crossplane.provision(request, ctx);
      expect(result).toEqual({
        state: 'pending',
        message: expect.stringContaining(
          'Waiting for PostgreSQLInstance payments/orders-production to become Ready (Creating',
        ),
      });

      const patch = apiServer.requests.find(r => r.method === 'PATCH')!;
      expect(patch.contentType).toBe('application/apply-patch+yaml');
      expect(patch.authorization).toBe('Bearer cluster-token-secret');
      const url = new URL(patch.url, 'http://x');
      expect(url.pathname).toBe(
        '/apis/database.paved.dev/v1alpha1/namespaces/payments/postgresqlinstances/orders-production',
      );
      expect(url.searchParams.get('fieldManager')).toBe('paved-test');
      expect(url.searchParams.get('force')).toBe('true');
      expect(JSON.parse(patch.body)).toMatchObject({
        apiVersion: 'database.paved.dev/v1alpha1',
        kind: 'PostgreSQLInstance',
        metadata: { name: 'orders-production', namespace: 'payments' },
        spec: {
          databaseName: 'orders',
          environment: 'production',
          requestId: request.id,
        },
      });

      apiServer.setStatus({
        conditions: [
          {
            type: 'Synced',
            status: 'False',
            reason: 'ReconcileError',
            message: 'cannot compose resources: quota exceeded',
          },
        ],
      });
      expect(await crossplane.status(request)).toEqual({
        state: 'pending',
        message:
          'Crossplane cannot sync PostgreSQLInstance payments/orders-production (ReconcileError): cannot compose resources: quota exceeded',
      });

      apiServer.setStatus({ ...readyStatus, host: undefined });
      expect(await crossplane.status(request)).toMatchObject({
        state: 'pending',
      });

      apiServer.setStatus(readyStatus);
      expect(await crossplane.status(request)).toEqual({
        state: 'ready',
        message: 'PostgreSQLInstance payments/orders-production is Ready',
        outputs: {
          host: 'orders-production.abc123.eu-west-1.rds.amazonaws.com',
          port: 5432,
          database: 'orders',
          username: 'paved_admin',
          credentialsRef:
            'kubernetes-secret:payments/orders-production-connection',
          // What the composition reported; the golden paths predict the same name.
          connectionSecret: databaseConnectionSecretName(request),
          compositeResource:
            'database.paved.dev/v1alpha1/PostgreSQLInstance/payments/orders-production',
        },
      });
    });

    it('reports an unreachable or refusing API server as a retryable failure without the token', async () => {
      const crossplane = await CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              crossplane: {
                cluster: {
                  url: 'http://127.0.0.1:1',
                  token: 'cluster-token-secret',
                  skipTLSVerify: true,
                },
              },
            },
          },
        }),
        { gitHostDirectory: root },
      );
      const result = await crossplane.provision(databaseRequest(), ctx);
      expect(result).toMatchObject({ state: 'failed', retryable: true });
      expect(JSON.stringify(result)).not.toContain('cluster-token-secret');
    });

    it('reads status back from the cluster when GitOps delivers the XR', async () => {
      const crossplane = await CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              crossplane: {
                delivery: 'gitops',
                cluster: { url: apiServer.url, skipTLSVerify: true },
              },
            },
          },
        }),
        { gitHostDirectory: root },
      );
      const request = databaseRequest();
      expect(await crossplane.provision(request, ctx)).toEqual({
        state: 'pending',
        message:
          'Waiting for the GitOps sync to create PostgreSQLInstance payments/orders-production',
      });
      expect(apiServer.requests.some(r => r.method === 'PATCH')).toBe(false);

      // What Argo CD or Flux would do with the committed file.
      const bare = path.join(root, 'infrastructure-gitops.git');
      apiServer.objects.set(
        'payments/orders-production',
        parseYaml(
          git(bare, 'show', 'main:databases/payments/orders-production.yaml'),
        ),
      );
      apiServer.setStatus(readyStatus);
      expect(await crossplane.status(request)).toMatchObject({
        state: 'ready',
      });
    });

    it('deletes the XR on deprovision, tolerating one already gone', async () => {
      const crossplane = await provider();
      const request = databaseRequest();
      await crossplane.provision(request, ctx);
      await crossplane.deprovision(request, ctx);
      await crossplane.deprovision(request, ctx);
      expect(
        apiServer.requests.filter(r => r.method === 'DELETE'),
      ).toHaveLength(2);
      expect(apiServer.objects.size).toBe(0);
      expect(await crossplane.status(request)).toMatchObject({
        state: 'failed',
        message:
          'PostgreSQLInstance payments/orders-production does not exist in the cluster',
      });
    });
  });
});
