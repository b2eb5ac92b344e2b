import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { PRIYA, SAM, exampleOrg } from '../__testUtils__/exampleOrg';

jest.setTimeout(60_000);

/** Attacks on the feedback control: flooding, forged context, anonymous and machine senders. */
describe('portal feedback: who may send what, and how much', () => {
  const start = (maxPerHour = 4) =>
    startDevexTestBackend({
      entities: exampleOrg,
      config: {
        paved: { platformTeam: 'group:default/platform' },
        devex: { feedback: { maxPerHour } },
      },
    });
  const post = (server: any, authorization: string, body: object) =>
    request(server)
      .post('/api/devex/feedback')
      .set('Authorization', authorization)
      .send(body);
  const summary = (server: any) =>
    request(server)
      .get('/api/devex/feedback/summary')
      .set('Authorization', mockCredentials.user.header(PRIYA));
  const valid = { rating: 1, category: 'bug', page: '/catalog' };

  it('refuses anonymous callers and services: feedback comes from people', async () => {
    const { server, stop } = await start();
    expect(
      (await post(server, mockCredentials.none.header(), valid)).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .get('/api/devex/feedback/summary')
          .set('Authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
    const service = await post(server, mockCredentials.service.header(), valid);
    expect(service.status).toBe(403);
    expect((await summary(server)).body.responses).toBe(0);
    await stop();
  });

  it('cannot be stuffed: one person floods in parallel, at most the hourly allowance is stored and alerted', async () => {
    const { server, stop, notifications } = await start(4);
    const floods = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        post(server, mockCredentials.user.header(SAM), {
          ...valid,
          comment: `flood ${i}`,
        }),
      ),
    );
    const statuses = floods.map(r => r.status);
    expect(statuses.filter(s => s === 201)).toHaveLength(4);
    expect(statuses.filter(s => s === 429)).toHaveLength(11);
    const limited = floods.find(r => r.status === 429)!;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(
      /^feedback: too much feedback from you this hour, try again in \d+ s \(rule: feedback-rate-limit\)$/,
    );
    expect(notifications).toHaveLength(4);
    // Another person still gets through.
    expect(
      (await post(server, mockCredentials.user.header(PRIYA), valid)).status,
    ).toBe(201);
    expect((await summary(server)).body.responses).toBe(5);
    await stop();
  });

  it('stores a resent piece of feedback once and alerts once', async () => {
    const { server, stop, notifications } = await start();
    const first = await post(server, mockCredentials.user.header(SAM), valid);
    const again = await post(server, mockCredentials.user.header(SAM), valid);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    expect(notifications).toHaveLength(1);
    expect((await summary(server)).body.responses).toBe(1);
    await stop();
  });

  it('refuses forged context: pages that are not portal paths, unknown categories, oversized text', async () => {
    const { server, stop } = await start(100);
    const cases: Array<[object, string]> = [
      [{ page: 'https://evil.example/phish' }, 'page'],
      [{ page: '//evil.example/phish' }, 'page'],
      [{ page: '/catalog?token=secret' }, 'page'],
      [{ page: '/catalog#x' }, 'page'],
      [{ page: '/docs/../../etc/passwd' }, 'page'],
      [{ page: '/catalog\u0000' }, 'page'],
      [{ page: `/${'a'.repeat(300)}` }, 'page'],
      [{ rating: 0 }, 'rating'],
      [{ rating: 6 }, 'rating'],
      [{ rating: 2.5 }, 'rating'],
      [{ rating: '5' }, 'rating'],
      [{ category: 'sql; drop table' }, 'category'],
      [{ comment: 'x'.repeat(2001) }, 'comment'],
      [{ lastAction: 'y'.repeat(201) }, 'lastAction'],
      // Claiming to be someone else: the sender is always the signed-in person.
      [{ userRef: 'user:default/priya.natarajan' }, 'body'],
    ];
    for (const [override, field] of cases) {
      const res = await post(server, mockCredentials.user.header(SAM), {
        ...valid,
        ...override,
      });
      expect({ override, status: res.status }).toEqual({
        override,
        status: 400,
      });
      expect(res.body.error.message).toMatch(
        new RegExp(`^${field}: .+ \\(rule: [a-z-]+\\)`),
      );
    }
    // Every violation is named, not only the first.
    const many = await post(server, mockCredentials.user.header(SAM), {
      rating: 9,
      category: 'nope',
      page: 'nope',
    });
    expect(many.status).toBe(400);
    expect(
      many.body.error.message
        .split('; ')
        .map((m: string) => m.split(':')[0])
        .sort(),
    ).toEqual(['category', 'page', 'rating']);
    expect((await summary(server)).body.responses).toBe(0);
    await stop();
  });
});
