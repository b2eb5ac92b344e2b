import { mockCredentials } from '@backstage/backend-test-utils';
import { Socket } from 'node:net';
import request from 'supertest';
import { body, SAM, startBackend } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

/**
 * Sends commands over one connection to the Redis a `redis://user:password@host:port/db` URL
 * names, after AUTH with its credentials; returns each raw RESP reply. Enough of the protocol to
 * prove the URL the credentials endpoint hands out works, without a Redis client library here.
 */
async function redisReplies(url: string, commands: string[][]) {
  const { hostname, port, username, password } = new URL(url);
  const all = [
    ['AUTH', decodeURIComponent(username), decodeURIComponent(password)],
    ...commands,
  ];
  const socket = new Socket();
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.connect(Number(port), hostname, resolve);
  });
  let received = '';
  const done = new Promise<string[]>(resolve => {
    socket.on('data', chunk => {
      received += chunk.toString('utf8');
      const replies = received
        .split('\r\n')
        .filter(line => /^[+\-:$]/.test(line));
      // Every reply here is a simple string, error, integer or a bulk string header.
      if (replies.length >= all.length) resolve(replies);
    });
  });
  for (const command of all) {
    socket.write(
      `*${command.length}\r\n${command
        .map(arg => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`)
        .join('')}`,
    );
  }
  const replies = await done;
  socket.destroy();
  return { replies, received };
}

describe('a Redis request through the provisioning flow with the sandbox on the local Redis', () => {
  it('becomes ready, hands out a redis:// URL confined to its prefix, and deletion removes the user', async () => {
    const { server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    const auth = mockCredentials.user.header(SAM);
    const created = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', auth)
      .send(
        body({
          type: 'redis',
          name: 'router-sessions',
          storageGB: 1,
          version: '7.0',
        }),
      );
    expect(created.status).toBe(201);
    owners.set(created.body.id, created.body.owner);
    const id = created.body.id;

    const waitFor = async (status: string) => {
      for (let i = 0; i < 100; i++) {
        const res = await request(server)
          .get(`/api/provisioning/requests/${id}`)
          .set('Authorization', auth);
        if (res.body.status === status) return res.body;
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error(`request never reached ${status}`);
    };
    const ready = await waitFor('ready');
    const username = ready.outputs.username;
    expect(ready.outputs).toEqual({
      host: '127.0.0.1',
      port: 6379,
      database: '0',
      username: expect.stringMatching(/^paved_router_sessions_[0-9a-f]{8}$/),
      keyPrefix: `${username}:`,
      credentialsRef: `paved-secret:${id}`,
      connectionSecret: 'router-sessions-development-connection',
    });

    const creds = await request(server)
      .get(`/api/provisioning/requests/${id}/credentials`)
      .set('Authorization', auth);
    expect(creds.status).toBe(200);
    expect(creds.body).toMatchObject({
      username,
      database: '0',
      keyPrefix: `${username}:`,
    });
    expect(creds.body.connectionString).toBe(
      `redis://${username}:${creds.body.password}@127.0.0.1:6379/0`,
    );
    expect(JSON.stringify(ready)).not.toContain(creds.body.password);

    const { replies } = await redisReplies(creds.body.connectionString, [
      ['ACL', 'WHOAMI'],
      ['SET', `${username}:greeting`, 'hi'],
      ['SET', 'someone-else:greeting', 'hi'],
    ]);
    expect(replies[0]).toBe('+OK');
    expect(replies[1]).toBe(`$${username.length}`);
    expect(replies[2]).toBe('+OK');
    expect(replies[3]).toMatch(/^-NOPERM/);

    const deleted = await request(server)
      .delete(`/api/provisioning/requests/${id}`)
      .set('Authorization', auth);
    expect(deleted.status).toBe(202);
    await waitFor('deleted');
    const after = await redisReplies(creds.body.connectionString, []);
    expect(after.replies[0]).toMatch(/^-WRONGPASS/);
  });

  it('runs day-2 operations on a Redis request: rotate with a grace period, snapshot, restore with a safety snapshot, resize', async () => {
    const { server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    const auth = mockCredentials.user.header(SAM);
    const created = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', auth)
      .send(
        body({
          type: 'redis',
          name: 'cart-cache',
          storageGB: 1,
          version: '7.0',
        }),
      );
    expect(created.status).toBe(201);
    owners.set(created.body.id, created.body.owner);
    const id = created.body.id;
    const base = `/api/provisioning/requests/${id}`;
    const poll = async (url: string, done: (b: any) => boolean) => {
      for (let i = 0; i < 100; i++) {
        const res = await request(server).get(url).set('Authorization', auth);
        if (done(res.body)) return res.body;
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error(`${url} never got there`);
    };
    const operate = async (payload: object) => {
      const res = await request(server)
        .post(`${base}/operations`)
        .set('Authorization', auth)
        .send(payload);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const credentials = async () =>
      (
        await request(server)
          .get(`${base}/credentials`)
          .set('Authorization', auth)
      ).body.connectionString as string;

    const ready = await poll(base, b => b.status === 'ready');
    const username = ready.outputs.username;
    const before = await credentials();
    await redisReplies(before, [['SET', `${username}:cart`, 'one item']]);

    const snapshotId = await operate({ type: 'snapshot', label: 'before' });
    await poll(`${base}/operations/${snapshotId}`, o => o.status === 'done');
    await redisReplies(before, [['SET', `${username}:cart`, 'three items']]);

    // Rotation: the same user gets a second password; both work during the grace period.
    const rotation = await operate({ type: 'rotate-credentials' });
    const inGrace = await poll(
      `${base}/operations/${rotation}`,
      o => o.phase === 'grace',
    );
    expect(inGrace.result).toMatchObject({
      username,
      previousUsername: username,
    });
    const after = await credentials();
    expect(after).not.toBe(before);
    expect((await redisReplies(before, [])).replies[0]).toBe('+OK');
    expect((await redisReplies(after, [])).replies[0]).toBe('+OK');

    const restore = await operate({ type: 'restore', snapshotId });
    const restored = await poll(
      `${base}/operations/${restore}`,
      o => o.status === 'done',
    );
    const { received } = await redisReplies(after, [
      ['GET', `${username}:cart`],
    ]);
    expect(received).toContain('one item');
    const snapshots = await request(server)
      .get(`${base}/snapshots`)
      .set('Authorization', auth);
    expect(snapshots.body.items.map((s: any) => [s.id, s.kind]).sort()).toEqual(
      [
        [snapshotId, 'manual'],
        [restored.result.safetySnapshotId, 'safety'],
      ].sort(),
    );

    const resize = await operate({
      type: 'resize',
      size: 'medium',
      storageGB: 2,
    });
    const resized = await poll(
      `${base}/operations/${resize}`,
      o => o.status === 'done',
    );
    expect(resized.result).toEqual({ size: 'medium', storageGB: 2 });

    await request(server).delete(base).set('Authorization', auth);
    await poll(base, b => b.status === 'deleted');
  });
});
