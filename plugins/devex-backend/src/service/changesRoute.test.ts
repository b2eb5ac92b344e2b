import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { DevexEvent } from '@paved/plugin-devex-common';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { githubSignature } from '../ingest/githubSignature';

jest.setTimeout(60_000);

const SECRET = 'webhook-secret';
const WINDOW = 'from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  ...['payments-api', 'checkout-web'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: { 'github.com/project-slug': `paved-org/${name}` },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: name === 'payments-api' ? 'payments' : 'storefront',
      },
    }),
  ),
];

const change = (
  id: string,
  subject: string,
  data: Extract<DevexEvent, { type: 'change' }>['data'],
): DevexEvent => ({ id, source: 'ci', type: 'change', subject, data });

async function start() {
  return startDevexTestBackend({
    entities,
    config: { devex: { github: { webhookSecret: SECRET } } },
  });
}

const post = (server: any, events: unknown[]) =>
  request(server)
    .post('/api/devex/events')
    .set('Authorization', mockCredentials.service.header())
    .send({ events });
const flow = (server: any, query: string) =>
  request(server)
    .get(`/api/devex/changes?${query}`)
    .set('Authorization', mockCredentials.user.header());

describe('GET /changes', () => {
  it('reports the stages in hours for a service, a team and the organisation', async () => {
    const { server, stop } = await start();
    const stored = await post(server, [
      change('1', 'component:default/payments-api', {
        firstCommitAt: '2026-10-01T06:00:00Z',
        openedAt: '2026-10-01T08:00:00Z',
        firstReviewAt: '2026-10-01T09:00:00Z',
        mergedAt: '2026-10-01T12:00:00Z',
        mergeCommit: 'abcdef01',
        additions: 12,
        deletions: 3,
      }),
      change('2', 'component:default/checkout-web', {
        firstCommitAt: '2026-10-02T00:00:00Z',
        openedAt: '2026-10-02T10:00:00Z',
        mergedAt: '2026-10-02T11:00:00Z',
      }),
      change('3', 'component:default/payments-api', {
        openedAt: '2026-10-03T00:00:00Z',
      }),
      {
        id: 'd1',
        source: 'ci',
        type: 'deployment',
        subject: 'component:default/payments-api',
        data: {
          environment: 'production',
          status: 'success',
          finishedAt: '2026-10-01T15:00:00Z',
          commits: [{ sha: 'ABCDEF01', committedAt: '2026-10-01T11:00:00Z' }],
        },
      },
    ]);
    expect(stored.status).toBe(202);
    expect(stored.body).toEqual({ accepted: 4 });

    const service = await flow(
      server,
      `entityRef=component:default/payments-api&${WINDOW}`,
    );
    expect(service.status).toBe(200);
    expect(service.body).toEqual({
      scope: { kind: 'entity', entityRef: 'component:default/payments-api' },
      window: {
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
      },
      merged: 1,
      coding: { medianHours: 2, p75Hours: 2, samples: 1 },
      pickup: { medianHours: 1, p75Hours: 1, samples: 1 },
      review: { medianHours: 3, p75Hours: 3, samples: 1 },
      deploy: { medianHours: 3, p75Hours: 3, samples: 1 },
      size: {
        medianLines: 15,
        p75Lines: 15,
        samples: 1,
        classes: [
          { label: 'XS', maxLines: 10, changes: 0 },
          { label: 'S', maxLines: 50, changes: 1 },
          { label: 'M', maxLines: 250, changes: 0 },
          { label: 'L', maxLines: 1000, changes: 0 },
          { label: 'XL', maxLines: null, changes: 0 },
        ],
      },
      open: 1,
    });

    const team = await flow(server, `group=group:default/payments&${WINDOW}`);
    expect(team.body.merged).toBe(1);
    const organisation = await flow(server, WINDOW);
    expect(organisation.body.merged).toBe(2);
    // coding [2, 10]
    expect(organisation.body.coding).toEqual({
      medianHours: 6,
      p75Hours: 8,
      samples: 2,
    });
    expect(organisation.body.pickup.samples).toBe(1);
    await stop();
  });

  it('answers 401 without credentials and 400 naming each bad parameter', async () => {
    const { server, stop } = await start();
    const anonymous = await request(server)
      .get('/api/devex/changes')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const bad = await flow(
      server,
      'from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z&entityRef=component:default/x&group=user:default/sam',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message.split('; ').sort()).toEqual([
      'from: must be before to (rule: window-order)',
      'group: must be a group entity ref such as group:default/payments (rule: entity-kind)',
      'group: must not be given together with entityRef (rule: one-of)',
    ]);
    const badEvent = await post(server, [
      change('x', 'component:default/payments-api', {
        openedAt: 'yesterday',
        additions: -1,
      } as any),
    ]);
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error.message).toContain('events[0].data.openedAt');
    expect(badEvent.body.error.message).toContain('events[0].data.additions');
    await stop();
  });
});

describe('GitHub pull request deliveries', () => {
  const deliver = (server: any, event: string, payload: object, id: string) => {
    const body = JSON.stringify(payload);
    return request(server)
      .post('/api/devex/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', id)
      .set('X-Hub-Signature-256', githubSignature(SECRET, body))
      .send(body);
  };
  const repository = { full_name: 'paved-org/payments-api' };
  const author = { id: 1, login: 'sam' };
  const pr = (fields: object) => ({
    number: 7,
    created_at: '2026-10-01T08:00:00Z',
    user: author,
    additions: 40,
    deletions: 60,
    ...fields,
  });

  it('builds one change from pull_request and pull_request_review deliveries in any order', async () => {
    const { server, stop } = await start();
    // The merge arrives first; the opening delivery, older, arrives late and changes nothing.
    const merged = await deliver(
      server,
      'pull_request',
      {
        action: 'closed',
        repository,
        pull_request: pr({
          updated_at: '2026-10-01T14:00:00Z',
          closed_at: '2026-10-01T14:00:00Z',
          merged_at: '2026-10-01T14:00:00Z',
          merge_commit_sha: 'feedface01',
        }),
      },
      'g-1',
    );
    expect(merged.body).toEqual({ accepted: 1 });
    const opened = await deliver(
      server,
      'pull_request',
      {
        action: 'opened',
        repository,
        pull_request: pr({ updated_at: '2026-10-01T08:00:00Z' }),
      },
      'g-2',
    );
    expect(opened.body).toEqual({
      accepted: 0,
      ignored: 'a newer state of this event is stored',
    });
    // The author's own review is not a review; a later approval does not move the first review.
    const own = await deliver(
      server,
      'pull_request_review',
      {
        action: 'submitted',
        repository,
        review: {
          state: 'commented',
          submitted_at: '2026-10-01T08:30:00Z',
          user: author,
        },
        pull_request: pr({ updated_at: '2026-10-01T08:30:00Z' }),
      },
      'g-3',
    );
    expect(own.body).toEqual({
      accepted: 0,
      ignored: 'a review by the author',
    });
    for (const [id, state, at] of [
      ['g-4', 'approved', '2026-10-01T12:00:00Z'],
      ['g-5', 'commented', '2026-10-01T10:00:00Z'],
    ]) {
      const review = await deliver(
        server,
        'pull_request_review',
        {
          action: 'submitted',
          repository,
          review: { state, submitted_at: at, user: { id: 2, login: 'kim' } },
          pull_request: pr({ updated_at: at }),
        },
        id,
      );
      expect(review.body).toEqual({ accepted: 1 });
    }
    const body = (
      await request(server)
        .get(
          `/api/devex/changes?entityRef=component:default/payments-api&${WINDOW}`,
        )
        .set('Authorization', mockCredentials.user.header())
    ).body;
    expect(body.merged).toBe(1);
    expect(body.pickup).toEqual({ medianHours: 2, p75Hours: 2, samples: 1 });
    expect(body.review).toEqual({ medianHours: 4, p75Hours: 4, samples: 1 });
    // GitHub's pull request deliveries carry no commit times, and nothing deployed it yet.
    expect(body.coding.samples).toBe(0);
    expect(body.deploy.samples).toBe(0);
    expect(body.size.medianLines).toBe(100);

    // A production deployment of the merge commit gives the deploy stage.
    await post(server, [
      {
        id: 'd-9',
        source: 'ci',
        type: 'deployment',
        subject: 'component:default/payments-api',
        data: {
          environment: 'production',
          status: 'success',
          finishedAt: '2026-10-01T20:00:00Z',
          commits: [{ sha: 'feedface01', committedAt: '2026-10-01T14:00:00Z' }],
        },
      },
    ]);
    const deployed = (
      await request(server)
        .get(`/api/devex/changes?${WINDOW}`)
        .set('Authorization', mockCredentials.user.header())
    ).body;
    expect(deployed.deploy).toEqual({
      medianHours: 6,
      p75Hours: 6,
      samples: 1,
    });
    await stop();
  });

  it('refuses a pull request delivery whose fields have the wrong type', async () => {
    const { server, stop } = await start();
    const res = await deliver(
      server,
      'pull_request',
      {
        action: 'opened',
        repository,
        pull_request: pr({ additions: 'many' }),
      },
      'g-9',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('pull_request.additions');
    await stop();
  });
});
