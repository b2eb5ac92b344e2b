import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from 'pg';
import request from 'supertest';
import {
  createRequest,
  PRIYA,
  SAM,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const LOCAL_PG = 'postgresql://postgres@127.0.0.1:5432/postgres';
const NOWHERE = 'postgresql://postgres@127.0.0.1:1/postgres';
const ID = '00000000-0000-4000-8000-000000000000';

type Server = Awaited<ReturnType<typeof startBackend>>['server'];

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`never ${what}`);
}

const as = (user: string) => mockCredentials.user.header(user);

function api(server: Server, id: string) {
  return {
    get: async (user = SAM) =>
      (
        await request(server)
          .get(`/api/provisioning/requests/${id}`)
          .set('Authorization', as(user))
      ).body,
    operate: (payload: unknown, user = SAM, key?: string) => {
      const call = request(server)
        .post(`/api/provisioning/requests/${id}/operations`)
        .set('Authorization', as(user));
      if (key) call.set('Idempotency-Key', key);
      return call.send(payload as object);
    },
    operation: async (operationId: string, user = SAM) =>
      (
        await request(server)
          .get(`/api/provisioning/requests/${id}/operations/${operationId}`)
          .set('Authorization', as(user))
      ).body,
    review: (
      operationId: string,
      decision: 'approve' | 'reject',
      user: string,
      payload: object = {},
    ) =>
      request(server)
        .post(
          `/api/provisioning/requests/${id}/operations/${operationId}/${decision}`,
        )
        .set('Authorization', as(user))
        .send(payload),
  };
}

describe('operations API (provider unreachable)', () => {
  it('answers 401 without credentials on every operations route', async () => {
    const { server } = await startBackend({ sandboxConnection: NOWHERE });
    const none = mockCredentials.none.header();
    const base = `/api/provisioning/requests/${ID}`;
    const calls = [
      request(server).post(`${base}/operations`).send({ type: 'snapshot' }),
      request(server).get(`${base}/operations`),
      request(server).get(`${base}/operations/${ID}`),
      request(server).post(`${base}/operations/${ID}/approve`).send({}),
      request(server)
        .post(`${base}/operations/${ID}/reject`)
        .send({ comment: 'no' }),
      request(server).get(`${base}/snapshots`),
    ];
    for (const call of calls) {
      expect((await call.set('Authorization', none)).status).toBe(401);
    }
  });

  it('names every violation of an operation body, and refuses operations before the database is ready', async () => {
    const { server, owners } = await startBackend({
      sandboxConnection: NOWHERE,
    });
    const { body: filed } = await createRequest(server, owners);
    const ops = api(server, filed.id);

    const unknownType = await ops.operate({ type: 'defragment' });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.message).toMatch(/^type: .* \(rule: enum\)$/);
    const spec = await ops.operate({ type: 'resize', storageGB: 0, color: 1 });
    expect(spec.status).toBe(400);
    expect(spec.body.error.message.split('; ')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^storageGB: .* \(rule: minimum\)$/),
        'color: is not a known field (rule: no-unknown-fields)',
      ]),
    );
    // A field of another operation type: known to the spec, refused by the type's schema.
    const foreign = await ops.operate({ type: 'resize', hours: 3 });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/hours/);
    const badKey = await ops.operate({ type: 'snapshot' }, SAM, 'has space');
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.message).toMatch(/^Idempotency-Key: /);

    const notReady = await ops.operate({ type: 'snapshot' });
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.message).toMatch(
      /operations need a ready database/,
    );
  });
});

describe('operations API with the sandbox on the local PostgreSQL', () => {
  let server: Server;
  let owners: Map<string, string>;

  beforeAll(async () => {
    ({ server, owners } = await startBackend({ sandboxConnection: LOCAL_PG }));
  });

  async function readyDatabase(overrides: Record<string, unknown> = {}) {
    const filed = await createRequest(server, owners, overrides);
    expect(filed.status).toBe(201);
    const ops = api(server, filed.body.id);
    if (filed.body.status === 'awaiting-approval') {
      expect(
        (
          await request(server)
            .post(`/api/provisioning/requests/${filed.body.id}/approve`)
            .set('Authorization', as(PRIYA))
            .send({})
        ).status,
      ).toBe(200);
    }
    await waitFor(ops.get, r => r.status === 'ready', 'ready');
    return { id: filed.body.id as string, ops };
  }

  afterAll(async () => {
    for (const id of owners.keys()) {
      await request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('Authorization', as(PRIYA));
    }
    const backend = server;
    for (const id of owners.keys()) {
      await waitFor(
        () => api(backend, id).get(PRIYA),
        r => ['deleted', 'failed', 'rejected'].includes(r.status),
        'deleted',
      );
    }
  });

  it('rotates credentials: the reveal is audited on the trail and the new password connects', async () => {
    const { id, ops } = await readyDatabase({ name: 'ops-rotate' });
    const reveal = async () =>
      (
        await request(server)
          .get(`/api/provisioning/requests/${id}/credentials`)
          .set('Authorization', as(SAM))
      ).body;
    const before = await reveal();

    const asked = await ops.operate(
      { type: 'rotate-credentials' },
      SAM,
      'rot-1',
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      type: 'rotate-credentials',
      status: 'in-progress',
      approvalRequired: false,
    });
    const retried = await ops.operate(
      { type: 'rotate-credentials' },
      SAM,
      'rot-1',
    );
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(asked.body.id);

    const inGrace = await waitFor(
      () => ops.operation(asked.body.id),
      o => o.phase === 'grace',
      'in grace',
    );
    expect(inGrace.result.previousUsername).toBe(before.username);
    expect(JSON.stringify(inGrace)).not.toMatch(/password/i);
    const after = await reveal();
    expect(after.username).toBe(inGrace.result.username);
    expect(after.password).not.toBe(before.password);
    const client = new Client({ connectionString: after.connectionString });
    await client.connect();
    expect((await client.query('SELECT session_user AS u')).rows[0].u).toBe(
      after.username,
    );
    await client.end();

    const detail = await ops.get();
    expect(
      detail.events
        .filter((e: any) => e.action === 'credentials-revealed')
        .map((e: any) => [e.actor, e.message]),
    ).toEqual([
      [SAM, `Password of login ${before.username} revealed`],
      [SAM, `Password of login ${after.username} revealed`],
    ]);
    expect(
      detail.events.some(
        (e: any) =>
          e.operationId === asked.body.id &&
          e.action === 'rotate-credentials-issued',
      ),
    ).toBe(true);

    // One rotation at a time; a snapshot may run during the grace period.
    expect((await ops.operate({ type: 'rotate-credentials' })).status).toBe(
      409,
    );
    const snapshot = await ops.operate({ type: 'snapshot', label: 'daily' });
    expect(snapshot.status).toBe(201);
    await waitFor(
      () => ops.operation(snapshot.body.id),
      o => o.status === 'done',
      'snapshot done',
    );
    const listed = await request(server)
      .get(`/api/provisioning/requests/${id}/snapshots`)
      .set('Authorization', as(SAM));
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: snapshot.body.id,
        kind: 'manual',
        label: 'daily',
        sizeBytes: expect.any(Number),
        expiresAt: expect.any(String),
      }),
    ]);
    expect(listed.body.items[0].location).toBeUndefined();
  });

  it('resizes a production database only after an approval by someone else', async () => {
    const { id, ops } = await readyDatabase({
      name: 'ops-prod',
      environment: 'production',
      storageGB: 10,
    });
    const asked = await ops.operate({
      type: 'resize',
      size: 'medium',
      storageGB: 20,
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'awaiting-approval',
      approvalRequired: true,
      approvalReasons: ['environments.production.requiresApproval'],
    });
    expect((await ops.review(asked.body.id, 'approve', SAM)).status).toBe(403);
    expect((await ops.review(asked.body.id, 'reject', PRIYA)).status).toBe(400);
    const approved = await ops.review(asked.body.id, 'approve', PRIYA, {
      comment: 'capacity checked',
    });
    expect(approved.status).toBe(200);
    await waitFor(
      () => ops.operation(asked.body.id),
      o => o.status === 'done',
      'resized',
    );
    expect(await ops.get()).toMatchObject({ size: 'medium', storageGB: 20 });
    expect((await ops.review(asked.body.id, 'approve', PRIYA)).status).toBe(
      409,
    );

    const listed = await request(server)
      .get(`/api/provisioning/requests/${id}/operations`)
      .set('Authorization', as(SAM));
    expect(listed.body.items.map((o: any) => [o.type, o.status])).toEqual([
      ['resize', 'done'],
    ]);

    // A rejected one ends there, with the reason.
    const second = await ops.operate({ type: 'resize', storageGB: 30 });
    const rejected = await ops.review(second.body.id, 'reject', PRIYA, {
      comment: 'not this quarter',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      failureReason: 'not this quarter',
    });
  });
});
