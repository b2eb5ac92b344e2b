import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { databaseRequest } from './testRequests';
import { TerraformDatabaseProvider } from './TerraformDatabaseProvider';
import { readModuleVariables, validateModuleCall } from './moduleCall';

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
const request = databaseRequest({ provider: 'terraform' });
const FILE = 'databases/payments/production/orders.tf';
const modules = path.resolve(
  __dirname,
  '../../../infrastructure/terraform/modules',
);
const SNAP_A = '11111111-2222-4333-8444-555555555555';
const SNAP_B = '66666666-7777-4888-9999-aaaaaaaaaaaa';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('Terraform snapshot and restore', () => {
  let root: string;
  let bare: string;
  let engines: Awaited<
    ReturnType<typeof TerraformDatabaseProvider.enginesFromConfig>
  >;
  const committedFile = () => git(bare, 'show', `main:${FILE}`);
  const commits = () => git(bare, 'rev-list', '--count', 'main');
  const moduleCall = async () =>
    ((await parseHcl('orders.tf', committedFile())) as any).module
      .postgresql_orders[0];

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-tf-snapshots-'));
    bare = path.join(root, 'infrastructure.git');
    engines = await TerraformDatabaseProvider.enginesFromConfig(
      new ConfigReader({}),
      { gitHostDirectory: root },
    );
    await engines.postgresql.provision(request, ctx);
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('declares a snapshot in the module call, valid against the module, once', async () => {
    const ops = engines.postgresql.operations;
    const record = await ops.snapshot!(request, SNAP_A, ctx);
    expect(record).toEqual({
      location: `terraform:${FILE}#paved-${SNAP_A}`,
      sizeBytes: 50 * 1024 ** 3,
      message: expect.stringMatching(
        new RegExp(
          `^paved-${SNAP_A} declared in ${FILE} at [0-9a-f]{40}; RDS takes it when the change is applied$`,
        ),
      ),
    });
    expect(commits()).toBe('2');
    expect((await moduleCall()).snapshots).toEqual([`paved-${SNAP_A}`]);
    const variables = await readModuleVariables(
      path.join(modules, 'postgresql'),
    );
    expect(await validateModuleCall(FILE, committedFile(), variables)).toEqual(
      [],
    );
    // The module declares one aws_db_snapshot per identifier.
    const main: any = await parseHcl(
      'main.tf',
      await fs.readFile(path.join(modules, 'postgresql', 'main.tf'), 'utf8'),
    );
    expect(main.resource.aws_db_snapshot.paved[0]).toMatchObject({
      for_each: '${toset(var.snapshots)}',
      db_snapshot_identifier: '${each.value}',
    });

    // A repeated step commits nothing new; a second snapshot is appended.
    await ops.snapshot!(request, SNAP_A, ctx);
    expect(commits()).toBe('2');
    await ops.snapshot!(request, SNAP_B, ctx);
    expect((await moduleCall()).snapshots).toEqual([
      `paved-${SNAP_A}`,
      `paved-${SNAP_B}`,
    ]);
  });

  it('shows the exact diff of a restore, commits it, and later renderings keep the snapshots', async () => {
    const ops = engines.postgresql.operations;
    const record = await ops.snapshot!(request, SNAP_A, ctx);
    const snapshot = { ...record, id: SNAP_A };
    const { diff } = await ops.planRestore!(request, snapshot);
    expect(diff).toMatch(
      /^--- a\/databases\/payments\/production\/orders\.tf$/m,
    );
    expect(diff).toMatch(
      new RegExp(`^\\+\\s+restore_from_snapshot\\s+= "paved-${SNAP_A}"$`, 'm'),
    );
    // Only that line changes: the snapshot arguments are a group of their own.
    expect(diff.split('\n').filter(l => /^[+-](?![+-]{2} )/.test(l))).toEqual([
      '+',
      `+  restore_from_snapshot = "paved-${SNAP_A}"`,
    ]);
    expect(commits()).toBe('2');

    expect(await ops.restore!(request, snapshot, ctx)).toEqual({
      message: expect.stringMatching(
        /^Restore from paved-\S+ committed at [0-9a-f]{40}; the instance is replaced when the change is applied$/,
      ),
    });
    expect(commits()).toBe('3');
    expect(await moduleCall()).toMatchObject({
      restore_from_snapshot: `paved-${SNAP_A}`,
      snapshots: [`paved-${SNAP_A}`],
    });
    expect((await ops.planRestore!(request, snapshot)).diff).toBe('');

    // A resize re-renders the call without losing what snapshots committed.
    const resize = { size: 'large' as const, storageGB: 80 };
    const planned = (await ops.planResize!(request, resize)).diff;
    expect(planned).not.toMatch(/^-.*snapshot/m);
    await ops.resize!(request, resize, ctx);
    expect(await moduleCall()).toMatchObject({
      size: 'large',
      storage_gb: 80,
      restore_from_snapshot: `paved-${SNAP_A}`,
      snapshots: [`paved-${SNAP_A}`],
    });
  });

  it('refuses to restore a snapshot the committed file does not declare, or one of another request', async () => {
    const ops = engines.postgresql.operations;
    const record = await ops.snapshot!(request, SNAP_A, ctx);
    await ops.deleteSnapshot!(request, { ...record, id: SNAP_A }, ctx);
    expect((await moduleCall()).snapshots).toBeUndefined();
    await expect(
      ops.restore!(request, { ...record, id: SNAP_A }, ctx),
    ).rejects.toThrow(
      `Snapshot paved-${SNAP_A} is not declared in ${FILE}; only committed snapshots can be restored`,
    );
    await expect(
      ops.restore!(
        request,
        {
          location: `terraform:elsewhere.tf#paved-${SNAP_B}`,
          sizeBytes: 1,
          id: SNAP_B,
        },
        ctx,
      ),
    ).rejects.toThrow(`snapshot ${SNAP_B} is not one of request ${request.id}`);
    expect(commits()).toBe('3');
  });

  it('offers no snapshots for Redis, whose module declares none, and says why', () => {
    const ops = engines.redis.operations;
    expect(ops.snapshot).toBeUndefined();
    expect(ops.restore).toBeUndefined();
    expect(ops.resize).toBeDefined();
    expect(ops.unsupported?.snapshot).toBe(
      'the module ../../../modules/redis declares no "snapshots" and "restore_from_snapshot" variables to render them with',
    );
  });

  it('renders a Redis resize as the module call size (the ElastiCache node type) and memory, with its diff', async () => {
    const redis = databaseRequest({
      provider: 'terraform',
      type: 'redis',
      name: 'sessions',
      size: 'small',
      storageGB: 1,
      version: '7.0',
    });
    await engines.redis.provision(redis, ctx);
    const change = { size: 'medium' as const, storageGB: 4 };
    const { diff } = await engines.redis.operations.planResize!(redis, change);
    expect(diff).toMatch(
      /^--- a\/databases\/payments\/production\/sessions\.tf$/m,
    );
    expect(diff.split('\n').filter(l => /^[+-](?![+-]{2} )/.test(l))).toEqual([
      '-  size           = "small"',
      '-  memory_gb      = 1',
      '+  size           = "medium"',
      '+  memory_gb      = 4',
    ]);
    expect(
      await engines.redis.operations.resize!(redis, change, ctx),
    ).toMatchObject({
      state: 'done',
    });
    expect(git(bare, 'log', '-1', '--format=%s')).toBe(
      `provisioning: resize Redis sessions (production) to medium, 4 GB, request ${redis.id}`,
    );
    // The module maps the size to the node type and checks the memory fits it.
    const main = await fs.readFile(
      path.join(modules, 'redis', 'main.tf'),
      'utf8',
    );
    expect(main).toMatch(/medium\s+= "cache\.m7g\.large"/);
  });
});
