import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { PRIYA, SAM, exampleOrg } from '../__testUtils__/exampleOrg';

jest.setTimeout(60_000);

describe('portal feedback over HTTP', () => {
  const start = () =>
    startDevexTestBackend({
      entities: exampleOrg,
      config: { paved: { platformTeam: 'group:default/platform' } },
    });
  const send = (server: any, userRef: string, body: object) =>
    request(server)
      .post('/api/devex/feedback')
      .set('Authorization', mockCredentials.user.header(userRef))
      .send(body);

  it('alerts the platform team at once for a rating of 2 or less, not for higher ones', async () => {
    const { server, stop, notifications } = await start();
    const good = await send(server, SAM, {
      rating: 3,
      category: 'confusing',
      page: '/create',
    });
    expect(good.status).toBe(201);
    expect(notifications).toEqual([]);

    const low = await send(server, SAM, {
      rating: 2,
      category: 'slow',
      comment: 'The catalog takes ten seconds to load',
      page: '/catalog',
      lastAction: 'filtered by owner',
    });
    expect(low.status).toBe(201);
    expect(low.body).toEqual({ id: expect.any(Number), duplicate: false });
    expect(notifications).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/platform' },
        payload: {
          title: 'Portal feedback: 2/5 on /catalog',
          description:
            'Slow, from user:default/sam.rivera. The catalog takes ten seconds to load Last action: filtered by owner.',
          link: '/catalog',
          severity: 'high',
          topic: 'devex-portal-feedback',
        },
      },
    ]);
    await stop();
  });

  it('reports ratings by page and category to everyone, comments only to the platform team', async () => {
    const { server, stop } = await start();
    await send(server, SAM, { rating: 5, category: 'praise', page: '/create' });
    await send(server, SAM, {
      rating: 1,
      category: 'bug',
      page: '/catalog',
      comment: 'Register fails',
    });
    await send(server, PRIYA, { rating: 4, category: 'bug', page: '/catalog' });

    const summary = (userRef: string) =>
      request(server)
        .get('/api/devex/feedback/summary')
        .set('Authorization', mockCredentials.user.header(userRef));
    const forSam = await summary(SAM);
    expect(forSam.status).toBe(200);
    expect(forSam.body).toMatchObject({
      responses: 3,
      averageRating: 3.33,
      lowRatings: 1,
      byPage: [
        { page: '/catalog', responses: 2, averageRating: 2.5, lowRatings: 1 },
        { page: '/create', responses: 1, averageRating: 5, lowRatings: 0 },
      ],
      byCategory: [
        { category: 'bug', responses: 2, averageRating: 2.5, lowRatings: 1 },
        { category: 'praise', responses: 1, averageRating: 5, lowRatings: 0 },
      ],
      latest: null,
    });
    const forPriya = await summary(PRIYA);
    expect(
      forPriya.body.latest.map((f: any) => [f.userRef, f.rating, f.comment]),
    ).toEqual(
      expect.arrayContaining([
        [SAM, 1, 'Register fails'],
        [SAM, 5, null],
        [PRIYA, 4, null],
      ]),
    );
    await stop();
  });
});
