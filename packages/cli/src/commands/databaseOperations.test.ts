/*
 * Day-2 commands against a test portal with the real plugins: a development database on the
 * local PostgreSQL (sandbox provider) is snapshotted, has its credentials rotated and is restored,
 * each a tracked operation the portal shows; bad input is refused before the portal is called.
 */
import { startTestPortal, TestPortal, waitForEntity } from '@paved/test-portal';
import { TestUserMachine } from '../__testUtils__/runCli';

jest.setTimeout(300_000);

const suffix = Date.now().toString(36);

describe('platform db day-2 commands', () => {
  let portal: TestPortal;
  let sam: TestUserMachine;
  let id: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    await waitForEntity(portal, 'user:default/sam.rivera');
    sam = new TestUserMachine();
    const login = await sam.run(['login', '--url', portal.url, '--guest']);
    if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
    const request = await sam.run([
      'db',
      'request',
      `cli-ops-${suffix}`,
      '--team',
      'payments',
      '--storage',
      '5',
      '--json',
    ]);
    if (request.code !== 0 || request.json().status !== 'ready') {
      throw new Error(`db request failed: ${request.stdout} ${request.stderr}`);
    }
    id = request.json().id;
  });

  afterAll(async () => {
    if (id) await sam.run(['db', 'delete', id, '--yes']);
    sam?.cleanUp();
    await portal?.stop();
  });

  it('snapshots, lists the snapshot, rotates credentials and restores, each as an operation', async () => {
    const snapshot = await sam.run([
      'db',
      'snapshot',
      id,
      '--label',
      'before-migration',
      '--json',
    ]);
    expect(snapshot.code).toBe(0);
    expect(snapshot.json()).toMatchObject({ type: 'snapshot', status: 'done' });
    const snapshotId = snapshot.json().result.snapshotId;

    const listed = await sam.run(['db', 'snapshots', id]);
    expect(listed.stdout).toMatch(
      /^ID\s+KIND\s+LABEL\s+SIZE\s+TAKEN\s+EXPIRES$/m,
    );
    expect(listed.stdout).toMatch(
      new RegExp(`^${snapshotId}\\s+manual\\s+before-migration\\s+\\d`, 'm'),
    );

    const rotate = await sam.run(['db', 'rotate', id]);
    expect(rotate.code).toBe(0);
    expect(rotate.stdout).toMatch(/^✓ .*rotate-credentials/m);

    const restore = await sam.run([
      'db',
      'restore',
      id,
      '--snapshot',
      snapshotId,
      '--yes',
      '--json',
    ]);
    expect(restore.code).toBe(0);
    expect(restore.json()).toMatchObject({ type: 'restore', status: 'done' });
    const after = (await sam.run(['db', 'snapshots', id, '--json'])).json();
    expect(after.map((s: { kind: string }) => s.kind).sort()).toEqual([
      'manual',
      'safety',
    ]);

    const operations = (
      await sam.run(['db', 'operations', id, '--json'])
    ).json();
    expect(operations.map((o: { type: string }) => o.type)).toEqual(
      expect.arrayContaining(['snapshot', 'rotate-credentials', 'restore']),
    );
    expect(JSON.stringify(operations)).not.toMatch(/password/i);
  });

  it('refuses bad input before calling the portal, and a restore without --yes off a terminal', async () => {
    const nothing = await sam.run(['db', 'resize', id]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('--size or --storage');

    const badSize = await sam.run(['db', 'resize', id, '--size', 'huge']);
    expect(badSize.code).toBe(2);
    expect(badSize.stderr).toContain("argument 'huge' is invalid");

    const badSnapshot = await sam.run([
      'db',
      'restore',
      id,
      '--snapshot',
      '../etc',
    ]);
    expect(badSnapshot.code).toBe(2);
    expect(badSnapshot.stderr).toContain('must be a snapshot id');

    const unconfirmed = await sam.run([
      'db',
      'restore',
      id,
      '--snapshot',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes: required to restore');
  });

  it("passes the portal's refusal of an unknown snapshot through", async () => {
    const run = await sam.run([
      'db',
      'restore',
      id,
      '--snapshot',
      '00000000-0000-4000-8000-000000000000',
      '--yes',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `No snapshot 00000000-0000-4000-8000-000000000000 of request ${id}`,
    );
  });
});
