import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  createRequest,
  OUTSIDER,
  PRIYA,
  SAM,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

/**
 * Trust rules of operations on a ready database, each attacked: only owners and the platform team
 * ask for operations; approvals are the platform team's and never the asker's own; an operation or
 * snapshot of one database cannot be reached through another's URL; an Idempotency-Key cannot
 * replay someone else's operation or a different body.
 */
describe('operations: trust rules under attack', () => {
  let server: Awaited<ReturnType<typeof startBackend>>['server'];
  let owners: Map<string, string>;
  const as = (user: string) => mockCredentials.user.header(user);

  beforeAll(async () => {
    ({ server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    }));
  });

  afterAll(async () => {
    for (const id of owners.keys()) {
      await request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('Authorization', as(PRIYA));
    }
    // Let the deprovisioning finish so no sandbox database is left on the server.
    const backend = server;
    for (let i = 0; i < 100; i++) {
      const statuses = await Promise.all(
        [...owners.keys()].map(
          async id =>
            (
              await request(backend)
                .get(`/api/provisioning/requests/${id}`)
                .set('Authorization', as(PRIYA))
            ).body.status,
        ),
      );
      if (statuses.every(s => s === 'deleted')) break;
      await new Promise(r => setTimeout(r, 100));
    }
  });

  async function ready(overrides: Record<string, unknown>, user = SAM) {
    const filed = await createRequest(server, owners, overrides, user);
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    if (filed.body.status === 'awaiting-approval') {
      await request(server)
        .post(`/api/provisioning/requests/${id}/approve`)
        .set('Authorization', as(PRIYA))
        .send({});
    }
    for (let i = 0; i < 150; i++) {
      const res = await request(server)
        .get(`/api/provisioning/requests/${id}`)
        .set('Authorization', as(SAM));
      if (res.body.status === 'ready') return id;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error('never ready');
  }

  const operate = (id: string, payload: object, user: string, key?: string) => {
    const call = request(server)
      .post(`/api/provisioning/requests/${id}/operations`)
      .set('Authorization', as(user));
    if (key) call.set('Idempotency-Key', key);
    return call.send(payload);
  };

  it('refuses operations to users outside the owning team, and to service principals', async () => {
    const id = await ready({ name: 'sec-outsider' });
    for (const payload of [
      { type: 'rotate-credentials' },
      { type: 'snapshot' },
      { type: 'resize', size: 'medium' },
    ]) {
      const res = await operate(id, payload, OUTSIDER);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /permission provisioning\.request\.operate/,
      );
    }
    const service = await request(server)
      .post(`/api/provisioning/requests/${id}/operations`)
      .set('Authorization', mockCredentials.service.header())
      .send({ type: 'snapshot' });
    expect(service.status).toBe(403);
    const list = await request(server)
      .get(`/api/provisioning/requests/${id}/operations`)
      .set('Authorization', as(SAM));
    expect(list.body.items).toEqual([]);
  });

  it('lets nobody approve an operation they asked for, and only approvers approve', async () => {
    const id = await ready({
      name: 'sec-four-eyes',
      environment: 'production',
      storageGB: 10,
    });
    // The platform team may operate on any database, but not approve its own operation.
    const asked = await operate(id, { type: 'resize', storageGB: 20 }, PRIYA);
    expect(asked.body.status).toBe('awaiting-approval');
    const review = (user: string, decision = 'approve', payload = {}) =>
      request(server)
        .post(
          `/api/provisioning/requests/${id}/operations/${asked.body.id}/${decision}`,
        )
        .set('Authorization', as(user))
        .send(payload);
    const own = await review(PRIYA);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/rule: four eyes/);
    const ownReject = await review(PRIYA, 'reject', { comment: 'hm' });
    expect(ownReject.status).toBe(403);
    // The owning team is not an approver.
    expect((await review(SAM)).status).toBe(403);
    expect((await review(OUTSIDER)).status).toBe(403);
    const operation = await request(server)
      .get(`/api/provisioning/requests/${id}/operations/${asked.body.id}`)
      .set('Authorization', as(SAM));
    expect(operation.body.status).toBe('awaiting-approval');
  });

  it('does not reach another database’s operation or snapshot through this database’s URL', async () => {
    const mine = await ready({ name: 'sec-mine' });
    const theirs = await ready(
      { name: 'sec-theirs', owner: 'group:default/platform' },
      PRIYA,
    );
    const snapshot = await operate(theirs, { type: 'snapshot' }, PRIYA);
    expect(snapshot.status).toBe(201);
    for (let i = 0; i < 100; i++) {
      const res = await request(server)
        .get(
          `/api/provisioning/requests/${theirs}/operations/${snapshot.body.id}`,
        )
        .set('Authorization', as(PRIYA));
      if (res.body.status === 'done') break;
      await new Promise(r => setTimeout(r, 100));
    }

    // Sam owns `mine` and addresses platform's operation through it.
    const peek = await request(server)
      .get(`/api/provisioning/requests/${mine}/operations/${snapshot.body.id}`)
      .set('Authorization', as(SAM));
    expect(peek.status).toBe(404);
    const approve = await request(server)
      .post(
        `/api/provisioning/requests/${mine}/operations/${snapshot.body.id}/approve`,
      )
      .set('Authorization', as(PRIYA))
      .send({});
    expect(approve.status).toBe(404);
    // Restoring platform's snapshot into Sam's database would copy their data over.
    const restore = await operate(
      mine,
      { type: 'restore', snapshotId: snapshot.body.id },
      SAM,
    );
    expect(restore.status).toBe(404);
    const listed = await request(server)
      .get(`/api/provisioning/requests/${mine}/snapshots`)
      .set('Authorization', as(SAM));
    expect(listed.body.items).toEqual([]);
    const hostile = await request(server)
      .get(`/api/provisioning/requests/${mine}/operations/..%2F..%2Fsnapshots`)
      .set('Authorization', as(SAM));
    expect(hostile.status).toBe(400);
  });

  it('does not replay another user’s Idempotency-Key, nor a key with another body', async () => {
    const id = await ready({ name: 'sec-idempotency' });
    const first = await operate(id, { type: 'snapshot', label: 'a' }, SAM, 'k');
    expect(first.status).toBe(201);
    const otherBody = await operate(
      id,
      { type: 'snapshot', label: 'b' },
      SAM,
      'k',
    );
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.error.message).toMatch(/different operation body/);
    // Priya's key "k" is hers: she does not get Sam's operation back.
    for (let i = 0; i < 100; i++) {
      const res = await request(server)
        .get(`/api/provisioning/requests/${id}/operations/${first.body.id}`)
        .set('Authorization', as(SAM));
      if (res.body.status === 'done') break;
      await new Promise(r => setTimeout(r, 100));
    }
    const priya = await operate(
      id,
      { type: 'snapshot', label: 'a' },
      PRIYA,
      'k',
    );
    expect(priya.status).toBe(201);
    expect(priya.body.id).not.toBe(first.body.id);
    expect(priya.body.requestedBy).toBe(PRIYA);
  });
});
