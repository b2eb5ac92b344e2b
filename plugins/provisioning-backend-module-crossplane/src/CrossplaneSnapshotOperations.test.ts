import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { parse as parseYaml } from 'yaml';
import { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
import { databaseRequest } from './testRequests';
import { renderPostgreSQLSnapshot } from './manifest';
import { XrdSchemaValidator } from './XrdSchemaValidator';
import { startFakeApiServer } from './testApiServer';

jest.setTimeout(60_000);

const ctx = {
  logger: mockServices.logger.mock(),
  secrets: {
    getOrCreate: jest.fn(),
    get: jest.fn(),
    put: jest.fn(),
    delete: jest.fn(),
  },
};
const infrastructure = path.resolve(
  __dirname,
  '../../../infrastructure/crossplane',
);
const SNAP_A = '11111111-2222-4333-8444-555555555555';
const SNAP_B = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const INSTANCE = 'databases/payments/orders-production.yaml';
const snapshotFile = (id: string) =>
  `databases/payments/snapshots/paved-${id}.yaml`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('Crossplane snapshot and restore', () => {
  let root: string;
  let bare: string;
  let crossplane: CrossplaneDatabaseProvider;
  const request = databaseRequest();
  const commits = () => git(bare, 'rev-list', '--count', 'main');
  const show = (file: string) => parseYaml(git(bare, 'show', `main:${file}`));

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-xp-snapshots-'));
    bare = path.join(root, 'infrastructure-gitops.git');
    crossplane = await CrossplaneDatabaseProvider.fromConfig(
      new ConfigReader({}),
      { gitHostDirectory: root },
    );
    await crossplane.provision(request, ctx);
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('commits a PostgreSQLSnapshot validated against its XRD, once', async () => {
    const record = await crossplane.operations.snapshot!(request, SNAP_A, ctx);
    expect(record).toEqual({
      location: `crossplane:payments/paved-${SNAP_A}`,
      sizeBytes: 50 * 1024 ** 3,
      message: expect.stringMatching(
        new RegExp(
          `^PostgreSQLSnapshot paved-${SNAP_A} committed at [0-9a-f]{40}; Crossplane takes the RDS snapshot once it is synced$`,
        ),
      ),
    });
    expect(commits()).toBe('2');
    const manifest = show(snapshotFile(SNAP_A));
    expect(manifest).toMatchObject({
      apiVersion: 'database.paved.dev/v1alpha1',
      kind: 'PostgreSQLSnapshot',
      metadata: { name: `paved-${SNAP_A}`, namespace: 'payments' },
      spec: {
        instanceName: 'orders-production',
        snapshotIdentifier: `paved-${SNAP_A}`,
        requestId: request.id,
      },
    });
    const validator = await XrdSchemaValidator.fromFile(
      path.join(infrastructure, 'snapshot', 'xrd.yaml'),
      'composite',
    );
    expect(validator.validate(manifest)).toEqual([]);
    // The XRD is strict: a field it does not declare is refused, like the instance's.
    expect(
      validator.validate({
        ...manifest,
        spec: { ...manifest.spec, purpose: 'x' },
      }),
    ).toEqual(['/spec must NOT have additional properties (purpose)']);
    // The Composition composes the RDS snapshot under that identifier, of that instance.
    const composition = parseYaml(
      await fs.readFile(
        path.join(infrastructure, 'snapshot', 'composition.yaml'),
        'utf8',
      ),
    );
    const composed = composition.spec.pipeline[0].input.resources[0];
    expect(composed.base).toMatchObject({
      apiVersion: 'rds.aws.m.upbound.io/v1beta1',
      kind: 'Snapshot',
    });
    expect(composed.patches.map((p: any) => p.toFieldPath)).toEqual(
      expect.arrayContaining([
        'metadata.annotations[crossplane.io/external-name]',
        'spec.forProvider.dbInstanceIdentifierSelector.matchLabels[crossplane.io/composite]',
      ]),
    );

    await crossplane.operations.snapshot!(request, SNAP_A, ctx);
    expect(commits()).toBe('2');
  });

  it('shows the exact diff of a restore, commits it, and a later resize keeps it', async () => {
    const ops = crossplane.operations;
    const snapshot = {
      ...(await ops.snapshot!(request, SNAP_A, ctx)),
      id: SNAP_A,
    };
    const { diff } = await ops.planRestore!(request, snapshot);
    expect(diff).toContain(`--- a/${INSTANCE}`);
    expect(diff.split('\n').filter(l => /^[+-](?![+-]{2} )/.test(l))).toEqual([
      `+  restoreFromSnapshot: paved-${SNAP_A}`,
    ]);
    expect(commits()).toBe('2');

    expect(await ops.restore!(request, snapshot, ctx)).toEqual({
      message: expect.stringContaining(
        'the content changes once the managed Instance is replaced',
      ),
    });
    expect(commits()).toBe('3');
    expect(show(INSTANCE).spec.restoreFromSnapshot).toBe(`paved-${SNAP_A}`);
    expect((await ops.planRestore!(request, snapshot)).diff).toBe('');

    const resize = { size: 'large' as const, storageGB: 80 };
    expect((await ops.planResize!(request, resize)).diff).not.toMatch(
      /^-.*restoreFromSnapshot/m,
    );
    await ops.resize!(request, resize, ctx);
    expect(show(INSTANCE).spec).toMatchObject({
      size: 'large',
      storageGB: 80,
      restoreFromSnapshot: `paved-${SNAP_A}`,
    });
    // The instance's Composition hands it to the RDS Instance.
    const composition = parseYaml(
      await fs.readFile(path.join(infrastructure, 'composition.yaml'), 'utf8'),
    );
    expect(
      composition.spec.pipeline[0].input.resources[1].patches,
    ).toContainEqual({
      type: 'FromCompositeFieldPath',
      fromFieldPath: 'spec.restoreFromSnapshot',
      toFieldPath: 'spec.forProvider.snapshotIdentifier',
    });
  });

  it('removes an expired snapshot, and refuses to restore one not delivered or of another request', async () => {
    const ops = crossplane.operations;
    const snapshot = {
      ...(await ops.snapshot!(request, SNAP_A, ctx)),
      id: SNAP_A,
    };
    await ops.deleteSnapshot!(request, snapshot, ctx);
    expect(commits()).toBe('3');
    expect(
      git(bare, 'ls-tree', '-r', '--name-only', 'main').split('\n'),
    ).toEqual([INSTANCE]);
    await expect(ops.restore!(request, snapshot, ctx)).rejects.toThrow(
      `PostgreSQLSnapshot payments/paved-${SNAP_A} was not delivered; only delivered snapshots can be restored`,
    );
    await expect(
      ops.restore!(
        request,
        {
          location: `crossplane:other/paved-${SNAP_B}`,
          sizeBytes: 1,
          id: SNAP_B,
        },
        ctx,
      ),
    ).rejects.toThrow(`snapshot ${SNAP_B} is not one of request ${request.id}`);
    expect(commits()).toBe('3');
  });

  it('refuses a snapshot id that is not a UUID before rendering anything', () => {
    expect(() =>
      renderPostgreSQLSnapshot(request, '../x', {
        namespaces: { prefix: '', overrides: {} },
      }),
    ).toThrow('snapshot id "../x" is not a UUID');
  });

  it('offers no snapshots in claim mode or for Redis, and says why', async () => {
    const claim = await CrossplaneDatabaseProvider.fromConfig(
      new ConfigReader({
        provisioning: { providers: { crossplane: { mode: 'claim' } } },
      }),
      { gitHostDirectory: root },
    );
    expect(claim.operations.snapshot).toBeUndefined();
    expect(claim.operations.unsupported?.restore).toBe(
      'the crossplane provider has no snapshot XRD for this engine in mode "claim"',
    );
    const engines = await CrossplaneDatabaseProvider.enginesFromConfig(
      new ConfigReader({}),
      { gitHostDirectory: root },
    );
    expect(engines.redis?.operations?.snapshot).toBeUndefined();
    expect(engines.redis?.operations?.resize).toBeDefined();
    expect(engines.postgresql?.operations?.snapshot).toBeDefined();
  });

  it('renders a Redis resize as the RedisInstance size (the ElastiCache node type) and memory, with its diff', async () => {
    const engines = await CrossplaneDatabaseProvider.enginesFromConfig(
      new ConfigReader({}),
      { gitHostDirectory: root },
    );
    const redis = engines.redis!;
    const cache = databaseRequest({
      type: 'redis',
      name: 'sessions',
      size: 'small',
      storageGB: 1,
      version: '7.0',
    });
    await redis.provision(cache, ctx);
    const change = { size: 'medium' as const, storageGB: 4 };
    const { diff } = await redis.operations!.planResize!(cache, change);
    expect(diff).toContain('--- a/databases/payments/sessions-production.yaml');
    expect(diff.split('\n').filter(l => /^[+-](?![+-]{2} )/.test(l))).toEqual([
      '-  size: small',
      '-  memoryGB: 1',
      '+  size: medium',
      '+  memoryGB: 4',
    ]);
    await redis.operations!.resize!(cache, change, ctx);
    expect(
      show('databases/payments/sessions-production.yaml').spec,
    ).toMatchObject({ size: 'medium', memoryGB: 4 });
    const composition = parseYaml(
      await fs.readFile(
        path.join(infrastructure, 'redis', 'composition.yaml'),
        'utf8',
      ),
    );
    const nodeType = composition.spec.pipeline[0].input.resources
      .flatMap((r: any) => r.patches ?? [])
      .find((p: any) => p.toFieldPath === 'spec.forProvider.nodeType');
    expect(nodeType.fromFieldPath).toBe('spec.size');
  });

  it('applies the snapshot and the restore to the cluster with delivery apply, and deletes the snapshot', async () => {
    const apiServer = await startFakeApiServer();
    try {
      const applied = await CrossplaneDatabaseProvider.fromConfig(
        new ConfigReader({
          provisioning: {
            providers: {
              crossplane: {
                delivery: 'apply',
                cluster: { url: apiServer.url, skipTLSVerify: true },
              },
            },
          },
        }),
        { gitHostDirectory: root },
      );
      await applied.provision(request, ctx);
      const ops = applied.operations;
      const snapshot = {
        ...(await ops.snapshot!(request, SNAP_A, ctx)),
        id: SNAP_A,
      };
      const patch = apiServer.requests.find(
        r => r.method === 'PATCH' && r.url.includes('/postgresqlsnapshots/'),
      )!;
      expect(patch.url).toContain(
        `/namespaces/payments/postgresqlsnapshots/paved-${SNAP_A}`,
      );
      expect(patch.contentType).toBe('application/apply-patch+yaml');
      expect(
        apiServer.objects.get(`snapshots:payments/paved-${SNAP_A}`),
      ).toMatchObject({
        kind: 'PostgreSQLSnapshot',
        spec: { instanceName: 'orders-production' },
      });

      const { diff } = await ops.planRestore!(request, snapshot);
      expect(diff).toMatch(
        new RegExp(`^\\+  restoreFromSnapshot: paved-${SNAP_A}$`, 'm'),
      );
      await ops.restore!(request, snapshot, ctx);
      expect(
        apiServer.objects.get('payments/orders-production').spec,
      ).toMatchObject({
        restoreFromSnapshot: `paved-${SNAP_A}`,
      });

      await ops.deleteSnapshot!(request, snapshot, ctx);
      expect(apiServer.objects.has(`snapshots:payments/paved-${SNAP_A}`)).toBe(
        false,
      );
      await expect(ops.restore!(request, snapshot, ctx)).rejects.toThrow(
        /was not delivered/,
      );
    } finally {
      await apiServer.close();
    }
  });
});
