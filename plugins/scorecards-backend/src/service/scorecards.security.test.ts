import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ALEX,
  as,
  PRIYA,
  SAM,
  startBackend,
} from '../__testUtils__/scorecardsBackend';

jest.setTimeout(60_000);

/*
 * Each test performs an attack on a trust rule of scorecards and fails if it ever works again.
 */
describe('scorecards trust rules', () => {
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  it('refuses facts from a user: coverage and manifests come from CI credentials only', async () => {
    const server = await startBackend();
    const response = await request(server)
      .post('/api/scorecards/facts')
      .set('Authorization', as(SAM))
      .send({
        entityRef: 'component:default/ledger',
        facts: [{ id: 'ci.coverage', value: 100 }],
      });
    expect(response.status).toBe(403);
    const entity = await request(server)
      .get('/api/scorecards/entities/component/default/ledger')
      .set('Authorization', as(SAM));
    expect(
      entity.body.facts.find((f: any) => f.factId === 'ci.coverage'),
    ).toBeUndefined();
  });

  it('refuses an exemption asked for by someone outside the owning team', async () => {
    const server = await startBackend();
    const response = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as('user:default/mallory'))
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'has-description',
        reason: 'I would rather not describe it',
        expiresAt: inAWeek(),
      });
    expect(response.status).toBe(403);
  });

  it('lets neither the owner nor the requester approve an exemption', async () => {
    const server = await startBackend();
    const asked = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as(PRIYA))
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'has-description',
        reason: 'Platform asks for itself here',
        expiresAt: inAWeek(),
      });
    expect(asked.status).toBe(201);
    for (const user of [SAM, PRIYA]) {
      const review = await request(server)
        .post(`/api/scorecards/exemptions/${asked.body.id}/review`)
        .set('Authorization', as(user))
        .send({ decision: 'approve' });
      expect([user, review.status]).toEqual([user, 403]);
    }
    const other = await request(server)
      .post(`/api/scorecards/exemptions/${asked.body.id}/review`)
      .set('Authorization', as(ALEX))
      .send({ decision: 'approve' });
    expect(other.status).toBe(200);
  });

  it('refuses an exemption of more than a year', async () => {
    const server = await startBackend();
    const response = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as(SAM))
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'has-description',
        reason: 'Forever, please',
        expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'expiresAt: must be within 365 days (rule: maximum)',
    );
  });

  it("keeps campaigns and withdrawals of others' exemptions away from developers", async () => {
    const server = await startBackend();
    const campaign = await request(server)
      .post('/api/scorecards/campaigns')
      .set('Authorization', as(SAM))
      .send({
        title: 'Spam every team',
        checkId: 'has-docs',
        target: { owners: ['group:default/platform'] },
        deadline: inAWeek(),
      });
    expect(campaign.status).toBe(403);
    const asked = await request(server)
      .post('/api/scorecards/exemptions')
      .set('Authorization', as(PRIYA))
      .send({
        entityRef: 'component:default/ledger',
        checkId: 'has-description',
        reason: 'Asked by the platform team',
        expiresAt: inAWeek(),
      });
    const withdraw = await request(server)
      .delete(`/api/scorecards/exemptions/${asked.body.id}`)
      .set('Authorization', as(SAM));
    expect(withdraw.status).toBe(403);
  });

  it('starts no fix for a service principal, only for a signed-in user acting as themself', async () => {
    const server = await startBackend();
    const response = await request(server)
      .post(
        '/api/scorecards/entities/component/default/ledger/checks/has-docs/fix',
      )
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:ci-pipelines'),
          targetPluginId: 'scorecards',
        }),
      );
    expect(response.status).toBe(403);
  });
});
