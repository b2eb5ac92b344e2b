import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { GitRepository } from '@paved/plugin-provisioning-node';
import { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
import { liveObjectDrift } from './drift';
import type { PostgreSQLInstanceManifest } from './manifest';
import { databaseRequest } from './testRequests';

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

const FILE = 'databases/payments/orders-production.yaml';

describe('drift of what the crossplane provider committed', () => {
  let root: string;
  let crossplane: CrossplaneDatabaseProvider;
  /** Someone with push rights to the GitOps repository, working outside Paved. */
  let colleague: GitRepository;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-crossplane-drift-'));
    crossplane = await CrossplaneDatabaseProvider.fromConfig(
      new ConfigReader({}),
      { gitHostDirectory: root },
    );
    colleague = new GitRepository({
      url: path.join(root, 'infrastructure-gitops.git'),
      branch: 'main',
      authorName: 'Lee Chen',
      authorEmail: 'lee.chen@example.com',
      createIfMissing: false,
    });
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('is in sync after provisioning, after a reformat, and after an approved resize', async () => {
    const request = databaseRequest();
    await crossplane.provision(request, ctx);
    expect(await crossplane.drift(request)).toEqual({
      state: 'in-sync',
      detail: `${FILE} matches the approved request`,
    });

    // Comments and formatting are not drift.
    const committed = (await colleague.readFile(FILE))!;
    await colleague.commitFiles(
      [{ path: FILE, content: `# reviewed by Lee\n\n${committed}\n\n` }],
      'Comment',
    );
    expect((await crossplane.drift(request)).state).toBe('in-sync');

    // An approved resize commits the new rendering; the request now says large/200.
    const change = { size: 'large' as const, storageGB: 200 };
    await crossplane.operations.resize!(request, change, ctx);
    expect((await crossplane.drift({ ...request, ...change })).state).toBe(
      'in-sync',
    );
    // Against the request as it was, the file has drifted: drift is relative to the approval.
    expect((await crossplane.drift(request)).state).toBe('drifted');

    // Extending the expiry moves it in Paved only; that is not drift either.
    expect(
      (
        await crossplane.drift({
          ...request,
          ...change,
          expiresAt: '2030-01-01T00:00:00.000Z',
        })
      ).state,
    ).toBe('in-sync');
  });

  it('reports an unapproved edit of the committed manifest, with the fields and the diff', async () => {
    const request = databaseRequest();
    await crossplane.provision(request, ctx);
    const committed = (await colleague.readFile(FILE))!;
    await colleague.commitFiles(
      [
        {
          path: FILE,
          content: committed
            .replace('storageGB: 50', 'storageGB: 400')
            .replace('deletionProtection: true', 'deletionProtection: false'),
        },
      ],
      'More storage, quickly',
    );

    const drift = await crossplane.drift(request);
    expect(drift).toMatchObject({
      state: 'drifted',
      detail: `${FILE} differs from the approved request in spec.deletionProtection, spec.storageGB`,
    });
    expect(drift.diff).toContain(`--- a/${FILE}`);
    expect(drift.diff).toMatch(/^- {2}storageGB: 50$/m);
    expect(drift.diff).toMatch(/^\+ {2}storageGB: 400$/m);
  });

  it('reports a manifest removed outside Paved, and one not committed yet as unknown', async () => {
    const request = databaseRequest();
    expect(await crossplane.drift(request)).toMatchObject({
      state: 'unknown',
      detail: expect.stringMatching(
        /^databases\/payments\/orders-production\.yaml is not in /,
      ),
    });
    await crossplane.provision(request, ctx);
    await colleague.commitFiles([{ path: FILE, content: null }], 'Tidy up');
    expect(await crossplane.drift(request)).toMatchObject({
      state: 'drifted',
      detail: expect.stringMatching(
        /^databases\/payments\/orders-production\.yaml was removed from .*infrastructure-gitops\.git outside Paved$/,
      ),
    });
  });
});

describe('drift of a cluster object (delivery: apply)', () => {
  const approved: PostgreSQLInstanceManifest = {
    apiVersion: 'database.paved.dev/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: {
      name: 'orders-production',
      namespace: 'payments',
      labels: {},
      annotations: {},
    },
    spec: { size: 'medium', storageGB: 50, expiresAt: '2026-12-01T00:00:00Z' },
  };
  const clusterWith = (live?: PostgreSQLInstanceManifest) => ({
    apply: jest.fn(),
    delete: jest.fn(),
    read: async () => live,
  });

  it('compares only the fields Paved renders, and names what changed', async () => {
    const defaulted = {
      ...approved,
      spec: { ...approved.spec, compositionRef: { name: 'aws' } },
    };
    expect(
      (await liveObjectDrift({ cluster: clusterWith(defaulted), approved }))
        .state,
    ).toBe('in-sync');

    const edited = { ...approved, spec: { ...approved.spec, storageGB: 80 } };
    expect(
      await liveObjectDrift({ cluster: clusterWith(edited), approved }),
    ).toEqual({
      state: 'drifted',
      detail:
        'PostgreSQLInstance payments/orders-production differs from the approved request: spec.storageGB is 80, approved 50',
    });
    expect(
      await liveObjectDrift({ cluster: clusterWith(undefined), approved }),
    ).toEqual({
      state: 'drifted',
      detail:
        'PostgreSQLInstance payments/orders-production was deleted from the cluster outside Paved',
    });
  });
});
