import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { SAM, exampleOrg } from '../__testUtils__/exampleOrg';

jest.setTimeout(60_000);

const deployment = (
  id: string,
  subject: string,
  status: 'success' | 'failed',
  source = 'ci',
) => ({
  id,
  source,
  type: 'deployment',
  subject,
  data: {
    environment: 'production',
    status,
    finishedAt: '2026-10-02T10:00:00Z',
    commits: [],
  },
});

/** Attacks on who may write DORA events (issue 19, DevEx data integrity). */
describe('POST /events: who may write which events', () => {
  async function start() {
    const backend = await startDevexTestBackend({ entities: exampleOrg });
    // CI reports storefront's production deployment.
    const stored = await request(backend.server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: [
          deployment(
            'deploy-9001',
            'component:default/checkout-web',
            'success',
          ),
        ],
      });
    expect(stored.status).toBe(202);
    return backend;
  }

  const deployments = async (server: any) =>
    (
      await request(server)
        .get('/api/devex/deployments')
        .set('Authorization', mockCredentials.user.header(SAM))
    ).body.items;

  it('refuses a user who reuses another team’s (source, id) to flip its production deployment to failed', async () => {
    const { server, stop } = await start();
    // Sam reads the (source, id) from the deployments list, as anyone may...
    const [target] = await deployments(server);
    expect(target).toMatchObject({
      source: 'ci',
      id: 'deploy-9001',
      service: 'component:default/checkout-web',
      status: 'success',
    });
    // ...and sends a failed deployment under it, for storefront's service...
    const asTheirs = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send({
        events: [
          deployment(target.id, target.service, 'failed', target.source),
        ],
      });
    expect(asTheirs.status).toBe(403);
    expect(asTheirs.body.error.message).toBe(
      "events[0].subject: component:default/checkout-web is not owned by a team of user:default/sam.rivera; users may write events only for their teams' services (rule: owner)",
    );
    // ...or for his own service, to replace the stored event.
    const asHis = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send({
        events: [
          deployment(
            target.id,
            'component:default/payments-api',
            'failed',
            target.source,
          ),
        ],
      });
    expect(asHis.status).toBe(409);
    expect(asHis.body.error.message).toContain('(rule: writer)');

    expect(await deployments(server)).toEqual([target]);
    await stop();
  });

  it('refuses an incident that names another service’s deployment to fail it', async () => {
    const { server, stop } = await start();
    const res = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.user.header(SAM))
      .send({
        events: [
          {
            id: 'sams-incident',
            source: 'ci',
            type: 'incident',
            subject: 'component:default/payments-api',
            data: {
              startedAt: '2026-10-02T11:00:00Z',
              deploymentId: 'deploy-9001',
            },
          },
        ],
      });
    // Sam may report his own service's incident; it just cannot reach storefront's deployment.
    expect(res.status).toBe(202);
    const [target] = await deployments(server);
    expect(target).toMatchObject({ id: 'deploy-9001', failed: false });
    await stop();
  });

  it('keeps source github for the webhook: nobody takes its ids first', async () => {
    const { server, stop } = await start();
    const res = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: [
          deployment(
            'deployment-43',
            'component:default/checkout-web',
            'failed',
            'github',
          ),
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'events[0].source: "github" is reserved for the GitHub webhook (rule: reserved-source)',
    );
    await stop();
  });

  it('lets a user report their own team’s deployments, and replace them', async () => {
    const { server, stop } = await start();
    for (const status of ['failed', 'success'] as const) {
      const res = await request(server)
        .post('/api/devex/events')
        .set('Authorization', mockCredentials.user.header(SAM))
        .send({
          events: [
            deployment('sams-deploy', 'component:default/payments-api', status),
          ],
        });
      expect(res.status).toBe(202);
    }
    expect(
      (await deployments(server)).find((d: any) => d.id === 'sams-deploy'),
    ).toMatchObject({ status: 'success' });
    await stop();
  });
});
