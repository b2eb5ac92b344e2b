import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from 'pg';
import request from 'supertest';
import {
  body,
  OUTSIDER,
  PRIYA,
  SAM,
  startBackend,
  TOKEN_WITHOUT_GROUPS,
} from './__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('provisioning router (provider unreachable, so nothing leaves the backend)', () => {
  let server: Awaited<ReturnType<typeof startBackend>>['server'];
  let owners: Map<string, string>;

  beforeEach(async () => {
    ({ server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
    }));
  });

  async function create(overrides: Record<string, unknown> = {}, user = SAM) {
    const res = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', mockCredentials.user.header(user))
      .send(body(overrides));
    if (res.status === 201) owners.set(res.body.id, res.body.owner);
    return res;
  }

  it('answers 401 without credentials on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const none = mockCredentials.none.header();
    const calls = [
      request(server).post('/api/provisioning/requests').send(body()),
      request(server).get('/api/provisioning/requests'),
      request(server).get(`/api/provisioning/requests/${id}`),
      request(server).post(`/api/provisioning/requests/${id}/approve`).send({}),
      request(server)
        .post(`/api/provisioning/requests/${id}/reject`)
        .send({ comment: 'no' }),
      request(server).delete(`/api/provisioning/requests/${id}`),
      request(server).post(`/api/provisioning/requests/${id}/extend`).send({}),
      request(server).get(`/api/provisioning/requests/${id}/credentials`),
      request(server).get('/api/provisioning/policy'),
    ];
    for (const call of calls) {
      const res = await call.set('Authorization', none);
      expect(res.status).toBe(401);
    }
  });

  it('names every violation of a request at once, schema and guardrails alike', async () => {
    const schema = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send(
        body({ name: 'Bad Name', size: 'huge', color: 'blue', storageGB: 0 }),
      );
    expect(schema.status).toBe(400);
    const schemaMessage: string = schema.body.error.message;
    expect(schemaMessage.split('; ')).toHaveLength(4);
    expect(schemaMessage.split('; ')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: .* \(rule: pattern\)$/),
        expect.stringMatching(/^size: .* \(rule: enum\)$/),
        expect.stringMatching(/^storageGB: .* \(rule: minimum\)$/),
        'color: is not a known field (rule: no-unknown-fields)',
      ]),
    );

    const guardrails = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send(
        body({
          size: 'large',
          storageGB: 500,
          version: '9',
          owner: 'group:default/data',
          system: 'system:default/nowhere',
        }),
      );
    expect(guardrails.status).toBe(400);
    expect(guardrails.body.error.message.split('; ')).toEqual([
      expect.stringMatching(
        /^size: .*\(rule: environments\.development\.sizes\)$/,
      ),
      expect.stringMatching(
        /^storageGB: .*\(rule: environments\.development\.storageGB\)$/,
      ),
      expect.stringMatching(/^version: .*\(rule: postgresql\.versions\)$/),
      expect.stringMatching(
        /^owner: .* is not a member of group:default\/data/,
      ),
      expect.stringMatching(/^system: system:default\/nowhere does not exist/),
    ]);
  });

  it('creates a development request that starts provisioning without approval', async () => {
    const res = await create({
      system: 'payments',
      component: 'component:default/payments-api',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'postgresql',
      name: 'orders',
      owner: 'group:default/payments',
      system: 'system:default/payments',
      component: 'component:default/payments-api',
      status: 'provisioning',
      provider: 'sandbox',
      version: '16',
      requestedBy: SAM,
      approvalRequired: false,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('finds the requester’s teams in the catalog when the token names only the user', async () => {
    const res = await create({}, TOKEN_WITHOUT_GROUPS);
    expect(res.status).toBe(201);
    const other = await create(
      { owner: 'group:default/data', name: 'x' },
      TOKEN_WITHOUT_GROUPS,
    );
    expect(other.status).toBe(400);
  });

  it('puts production and large requests into awaiting-approval', async () => {
    const production = await create({
      environment: 'production',
      storageGB: 20,
    });
    expect(production.body.status).toBe('awaiting-approval');
    const large = await create({
      environment: 'staging',
      size: 'large',
      name: 'big',
    });
    expect(large.body.status).toBe('awaiting-approval');
    expect(large.body.approvalRequired).toBe(true);
  });

  it.each([
    [
      'name',
      { name: 'a"; DROP DATABASE postgres; --' },
      /name: must match pattern .* \(rule: pattern\)/,
    ],
    [
      'name',
      { name: 'a'.repeat(200) },
      /name: must NOT have more than 63 characters \(rule: maximum\)/,
    ],
    [
      'name',
      { name: 'datenbank-größe' },
      /name: must match pattern .* \(rule: pattern\)/,
    ],
    [
      'name',
      { name: 'Orders' },
      /name: must match pattern .* \(rule: pattern\)/,
    ],
    ['type', { type: 'mysql' }, /type: /],
    ['environment', { environment: 'qa' }, /environment: /],
    [
      'storageGB',
      { storageGB: 2.5 },
      /storageGB: must be integer \(rule: type\)/,
    ],
    [
      'unknown field',
      { color: 'blue' },
      /^color: is not a known field \(rule: no-unknown-fields\)$/,
    ],
    [
      'size per environment',
      { size: 'large' },
      /size: "large" is not allowed in development.*environments.development.sizes/,
    ],
    [
      'storage bounds',
      { storageGB: 21 },
      /storageGB: 21 is outside 1..20 GB.*environments.development.storageGB/,
    ],
    [
      'ephemeral needs ttl',
      { environment: 'ephemeral', storageGB: 1 },
      /ttlHours: required for ephemeral/,
    ],
    [
      'ttl maximum',
      { environment: 'ephemeral', storageGB: 1, ttlHours: 25 },
      /ttlHours: 25 exceeds the maximum of 24 hours/,
    ],
    [
      'ttl only ephemeral',
      { ttlHours: 4 },
      /ttlHours: only ephemeral databases expire/,
    ],
    [
      'provider',
      { provider: 'terraform' },
      /provider: "terraform" is not allowed in development/,
    ],
    ['version', { version: '9' }, /version: "9" is not offered/],
    [
      'version of another engine',
      { type: 'redis', version: '16' },
      /version: "16" is not offered for redis, offered: 7.0, 7.2 \(rule: redis.versions\)/,
    ],
    ['engine', { type: 'mongodb' }, /type: .*\(rule: enum\)/],
    [
      'owner kind',
      { owner: 'user:default/sam.rivera' },
      /owner: must be a group/,
    ],
    [
      'owner exists',
      { owner: 'group:default/ghosts' },
      /owner: group:default\/ghosts does not exist in the catalog/,
    ],
    [
      'owner membership',
      { owner: 'group:default/data' },
      /owner: user:default\/sam.rivera is not a member of group:default\/data/,
    ],
    [
      'system exists',
      { system: 'nowhere' },
      /system: system:default\/nowhere does not exist/,
    ],
    [
      'component kind',
      { component: 'system:default/payments' },
      /component: must be a component/,
    ],
  ])(
    'refuses %s with 400 naming the field and rule, creating nothing',
    async (_label, overrides, message) => {
      const res = await create(overrides);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      const list = await request(server)
        .get('/api/provisioning/requests')
        .set('Authorization', mockCredentials.user.header(SAM));
      expect(list.body.items).toEqual([]);
    },
  );

  it('refuses a duplicate name and quota excess with 400', async () => {
    expect((await create()).status).toBe(201);
    const duplicate = await create();
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(
      /name: .*rule: name unique per owner and environment/,
    );

    expect((await create({ name: 'b', storageGB: 20 })).status).toBe(201);
    expect((await create({ name: 'c', storageGB: 20 })).status).toBe(201);
    const storage = await create({ name: 'd', storageGB: 20 });
    expect(storage.status).toBe(400);
    expect(storage.body.error.message).toMatch(
      /storageGB: .*rule: quota.maxStorageGB/,
    );
    expect((await create({ name: 'd', storageGB: 1 })).status).toBe(201);
    const count = await create({ name: 'e', storageGB: 1 });
    expect(count.status).toBe(400);
    expect(count.body.error.message).toMatch(
      /owner: .*rule: quota.maxRequests/,
    );

    // The platform team may file for another team and counts against that team's quota.
    const forPayments = await create({ name: 'f', storageGB: 1 }, PRIYA);
    expect(forPayments.status).toBe(400);
  });

  it('returns the same request for a retried POST with an Idempotency-Key', async () => {
    const send = (payload: object, key: string) =>
      request(server)
        .post('/api/provisioning/requests')
        .set('Authorization', mockCredentials.user.header(SAM))
        .set('Idempotency-Key', key)
        .send(payload);
    const first = await send(body(), 'retry-1');
    const again = await send({ ...body() }, 'retry-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const conflict = await send(body({ name: 'other' }), 'retry-1');
    expect(conflict.status).toBe(409);
    const invalid = await send(body({ name: 'x' }), 'has space');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/Idempotency-Key: /);
  });

  it('lists with owner and status filters, and limits conditional readers to their teams', async () => {
    await create({ name: 'a' });
    await create({ name: 'b', environment: 'production', storageGB: 10 });
    await create({ name: 'c', owner: 'group:default/data' }, OUTSIDER);
    const get = (query: string, user = SAM) =>
      request(server)
        .get(`/api/provisioning/requests${query}`)
        .set('Authorization', mockCredentials.user.header(user));

    expect((await get('')).body.items).toHaveLength(3);
    expect(
      (await get('?owner=group:default/data')).body.items.map(
        (r: any) => r.name,
      ),
    ).toEqual(['c']);
    expect(
      (await get('?status=awaiting-approval')).body.items.map(
        (r: any) => r.name,
      ),
    ).toEqual(['b']);
    expect(
      (
        await get(
          '?status=provisioning,awaiting-approval&owner=group:default/payments',
        )
      ).body.items,
    ).toHaveLength(2);
    expect(
      (await get('', OUTSIDER)).body.items.map((r: any) => r.name),
    ).toEqual(['c']);
    const bad = await get('?status=done');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status: "done" is not one of/);
  });

  it('reads one request with its events; 404 for unknown and 400 for malformed ids', async () => {
    const created = await create();
    const res = await request(server)
      .get(`/api/provisioning/requests/${created.body.id}`)
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(res.status).toBe(200);
    expect(res.body.events[0]).toMatchObject({
      action: 'created',
      actor: SAM,
      toStatus: 'provisioning',
    });

    const missing = await request(server)
      .get('/api/provisioning/requests/00000000-0000-4000-8000-000000000000')
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(missing.status).toBe(404);
    const malformed = await request(server)
      .get('/api/provisioning/requests/..%2F..%2Fetc')
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(malformed.status).toBe(400);
  });

  // Found by `make fuzz` on PostgreSQL, which fails a statement comparing a text with U+0000 (a 500).
  it('refuses a NUL character in a query parameter or a body with 400, naming the field', async () => {
    const list = await request(server)
      .get(
        '/api/provisioning/requests?owner=%00&requestedBy=user%3Adefault%2Fsam%00',
      )
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(list.status).toBe(400);
    expect(list.body.error.message.split('; ')).toEqual([
      'owner: must not contain the NUL character (U+0000) (rule: no-nul-character)',
      'requestedBy: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    ]);
    const created = await create();
    const approve = await request(server)
      .post(`/api/provisioning/requests/${created.body.id}/approve`)
      .set('Authorization', mockCredentials.user.header(SAM))
      .send({ comment: 'fine\u0000' });
    expect(approve.status).toBe(400);
    expect(approve.body.error.message).toBe(
      'comment: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
  });

  it('lets only approvers approve or reject, once', async () => {
    const { body: pending } = await create({
      environment: 'production',
      storageGB: 10,
    });
    const approve = (user: string, id = pending.id) =>
      request(server)
        .post(`/api/provisioning/requests/${id}/approve`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ comment: 'capacity checked' });

    expect((await approve(SAM)).status).toBe(403);
    const approved = await approve(PRIYA);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('provisioning');
    expect((await approve(PRIYA)).status).toBe(409);
    expect(
      (await approve(PRIYA, '00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);

    const detail = await request(server)
      .get(`/api/provisioning/requests/${pending.id}`)
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(
      detail.body.events.map((e: any) => [e.action, e.actor, e.message]),
    ).toEqual(
      expect.arrayContaining([['approved', PRIYA, 'capacity checked']]),
    );

    const { body: other } = await create({
      environment: 'production',
      storageGB: 10,
      name: 'other',
    });
    const reject = (payload: object, user = PRIYA) =>
      request(server)
        .post(`/api/provisioning/requests/${other.id}/reject`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(payload);
    expect((await reject({})).status).toBe(400);
    expect((await reject({ comment: 'no' }, SAM)).status).toBe(403);
    const rejected = await reject({ comment: 'use the shared cluster' });
    expect(rejected.body.status).toBe('rejected');
    expect((await reject({ comment: 'again' })).status).toBe(409);
    expect((await reject({ comment: 1 })).status).toBe(400);
  });

  it('deletes for owners and the platform team only', async () => {
    const { body: active } = await create();
    const { body: pending } = await create({
      environment: 'production',
      storageGB: 10,
      name: 'prod',
    });
    const del = (id: string, user: string) =>
      request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('Authorization', mockCredentials.user.header(user));

    expect((await del(active.id, OUTSIDER)).status).toBe(403);
    const deleting = await del(active.id, SAM);
    expect(deleting.status).toBe(202);
    expect(deleting.body.status).toBe('deprovisioning');
    const withdrawn = await del(pending.id, PRIYA);
    expect(withdrawn.body.status).toBe('deleted');
    expect((await del(pending.id, SAM)).status).toBe(409);
  });

  it('guards the credentials endpoint', async () => {
    const { body: created } = await create();
    const read = (user: string) =>
      request(server)
        .get(`/api/provisioning/requests/${created.id}/credentials`)
        .set('Authorization', mockCredentials.user.header(user));
    expect((await read(OUTSIDER)).status).toBe(403);
    const notReady = await read(SAM);
    expect(notReady.status).toBe(409);
  });

  it('extends ephemeral databases only, within the maximum', async () => {
    const { body: ephemeral } = await create({
      environment: 'ephemeral',
      storageGB: 1,
      ttlHours: 4,
    });
    const { body: dev } = await create({ name: 'dev' });
    const extend = (id: string, payload: object, user = SAM) =>
      request(server)
        .post(`/api/provisioning/requests/${id}/extend`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(payload);
    const extended = await extend(ephemeral.id, {});
    expect(extended.status).toBe(200);
    expect(new Date(extended.body.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + 3.9 * 3600_000,
    );
    expect((await extend(ephemeral.id, { hours: 48 })).status).toBe(400);
    expect((await extend(ephemeral.id, {}, OUTSIDER)).status).toBe(403);
    const notEphemeral = await extend(dev.id, {});
    expect(notEphemeral.status).toBe(400);
    expect(notEphemeral.body.error.message).toMatch(/only ephemeral/);
  });

  it('serves the effective policy with a team’s remaining quota', async () => {
    await create({ storageGB: 7 });
    const res = await request(server)
      .get('/api/provisioning/policy?owner=group:default/payments')
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(res.status).toBe(200);
    expect(
      res.body.environments.find((e: any) => e.environment === 'development'),
    ).toMatchObject({
      sizes: ['small', 'medium'],
      storageGB: { min: 1, max: 20 },
      requiresApproval: false,
    });
    expect(res.body.engines).toEqual([
      {
        type: 'postgresql',
        versions: ['15', '16', '17'],
        defaultVersion: '16',
      },
      { type: 'redis', versions: ['7.0', '7.2'], defaultVersion: '7.0' },
    ]);
    expect(res.body.usage).toEqual({
      monthlyCost: { monthly: 23.5, currency: 'EUR' },
      owner: 'group:default/payments',
      quota: { maxRequests: 4, maxStorageGB: 60 },
      requests: 1,
      storageGB: 7,
      remainingRequests: 3,
      remainingStorageGB: 53,
    });
    const bad = await request(server)
      .get('/api/provisioning/policy?owner=payments')
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(bad.status).toBe(400);
  });
});

describe('provisioning router with the sandbox on the local PostgreSQL', () => {
  it('takes a request to ready, hands out working credentials to the owner, and deletes it', async () => {
    const { server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    const auth = mockCredentials.user.header(SAM);
    const created = await request(server)
      .post('/api/provisioning/requests')
      .set('Authorization', auth)
      .send(body({ name: 'router-flow' }));
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
    expect(ready.outputs).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      credentialsRef: `paved-secret:${id}`,
    });

    const creds = await request(server)
      .get(`/api/provisioning/requests/${id}/credentials`)
      .set('Authorization', auth);
    expect(creds.status).toBe(200);
    expect(creds.headers['cache-control']).toBe('no-store');
    expect(JSON.stringify(ready)).not.toContain(creds.body.password);
    const client = new Client({
      connectionString: creds.body.connectionString,
    });
    await client.connect();
    expect((await client.query('SELECT current_user AS u')).rows[0].u).toBe(
      ready.outputs.username,
    );
    await client.end();

    const deleted = await request(server)
      .delete(`/api/provisioning/requests/${id}`)
      .set('Authorization', auth);
    expect(deleted.status).toBe(202);
    await waitFor('deleted');
    const gone = await request(server)
      .get(`/api/provisioning/requests/${id}/credentials`)
      .set('Authorization', auth);
    expect(gone.status).toBe(409);
  });
});
