import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { PRIYA, SAM, exampleOrg } from '../__testUtils__/exampleOrg';

jest.setTimeout(60_000);

/** Five more people in payments, so team results can be shown once they answer. */
const colleagues: Entity[] = [1, 2, 3, 4, 5].map(n => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: `dev${n}`, namespace: 'default' },
  spec: { memberOf: ['payments'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
}));

/** Attacks on the pulse survey (issue 19: ballot stuffing and anonymity). */
describe('pulse survey: ballot stuffing and anonymity', () => {
  async function start() {
    return startDevexTestBackend({
      entities: [...exampleOrg, ...colleagues],
      config: {
        paved: { platformTeam: 'group:default/platform' },
        devex: { surveys: { pseudonymSecret: 'test' } },
      },
    });
  }
  const answer = (
    server: any,
    userRef: string,
    score: number,
    comment?: string,
  ) =>
    request(server)
      .post('/api/devex/surveys')
      .set('Authorization', mockCredentials.user.header(userRef))
      .send({ score, comment });
  // Without from/to: the last 90 days, which hold every answer of the test.
  const summary = (server: any, userRef: string, query = '') =>
    request(server)
      .get(`/api/devex/surveys/summary?${query}`)
      .set('Authorization', mockCredentials.user.header(userRef));

  it('refuses survey answers sent as events, with invented respondents', async () => {
    const { server, stop } = await start();
    const stuffed = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: [0, 1].map(i => ({
          id: `stuffed-${i}`,
          source: 'ci',
          type: 'survey',
          subject: 'component:default/payments-api',
          data: { score: 0, respondent: `invented-${i}` },
        })),
      });
    expect(stuffed.status).toBe(400);
    expect(stuffed.body.error.message).toContain(
      'events[0].type: is not one of the types the contract defines (rule: enum)',
    );
    expect((await summary(server, PRIYA)).body.respondents).toBe(0);
    await stop();
  });

  it('counts one answer per person per period: answering again replaces the first', async () => {
    const { server, stop } = await start();
    for (let i = 0; i < 6; i++) {
      const res = await answer(server, SAM, 0);
      expect(res.status).toBe(201);
      expect(res.body.replaced).toBe(i > 0);
    }
    for (const dev of colleagues) {
      await answer(server, `user:default/${dev.metadata.name}`, 10);
    }
    const res = await summary(server, PRIYA);
    // Six answers from Sam are one detractor, not six.
    expect(res.body).toMatchObject({
      respondents: 6,
      promoters: 5,
      detractors: 1,
    });
    await stop();
  });

  it('refuses a window too short to hide who answered', async () => {
    const { server, stop } = await start();
    await answer(server, SAM, 2, 'The approvals take days');
    const now = Date.now();
    const res = await summary(
      server,
      PRIYA,
      `from=${new Date(now - 1).toISOString()}&to=${new Date(
        now,
      ).toISOString()}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^from: the survey window must span at least 7 days.*\(rule: survey-minimum-window\)$/,
    );
    await stop();
  });

  it('withholds every breakdown below the minimum respondents, and comments from everyone but the platform team', async () => {
    const { server, stop } = await start();
    await answer(server, SAM, 2, 'The approvals take days');

    // One answer: neither the organisation's nor payments' score, and no comment, for anyone.
    for (const reader of [SAM, PRIYA]) {
      const res = await summary(server, reader);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        respondents: 1,
        suppressed: true,
        nps: null,
        promoters: null,
        passives: null,
        detractors: null,
        teams: [
          {
            group: 'group:default/payments',
            suppressed: true,
            nps: null,
          },
        ],
      });
      expect(res.body.comments).toEqual(reader === PRIYA ? [] : null);
    }

    for (const dev of colleagues) {
      await answer(server, `user:default/${dev.metadata.name}`, 9, 'Fine');
    }
    const developer = await summary(server, SAM);
    expect(developer.body.suppressed).toBe(false);
    expect(developer.body.comments).toBeNull();

    const platform = await summary(server, PRIYA);
    expect(platform.body.teams).toEqual([
      {
        group: 'group:default/payments',
        respondents: 6,
        suppressed: false,
        nps: expect.any(Number),
      },
    ]);
    // Comments carry the ISO week, never the time they were written.
    expect(platform.body.comments).toContainEqual({
      score: 2,
      comment: 'The approvals take days',
      week: expect.stringMatching(/^\d{4}-W\d{2}$/),
    });
    for (const comment of platform.body.comments) {
      expect(Object.keys(comment).sort()).toEqual(['comment', 'score', 'week']);
    }
    await stop();
  });
});
