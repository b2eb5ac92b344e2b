import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_GITHUB_USER_LOGIN,
  ANNOTATION_START_DATE,
  DevexEvent,
} from '@paved/plugin-devex-common';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';

jest.setTimeout(60_000);

const WINDOW = 'from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z';

const user = (
  name: string,
  team: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default', annotations },
  spec: { memberOf: [team] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
});
const group = (name: string, children: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children },
});

const entities: Entity[] = [
  group('product', ['payments']),
  group('payments'),
  group('storefront'),
  user('sam.rivera', 'payments', {
    [ANNOTATION_START_DATE]: '2026-10-05',
    [ANNOTATION_GITHUB_USER_LOGIN]: 'sam-r',
  }),
  user('noa', 'payments', { [ANNOTATION_START_DATE]: '2026-10-10' }),
  user('kai', 'storefront', { [ANNOTATION_START_DATE]: '2026-10-01' }),
  user('old.timer', 'payments', {}),
];

const events: DevexEvent[] = [
  {
    id: 'c1',
    source: 'ci',
    type: 'change',
    subject: 'component:default/payments-api',
    data: {
      openedAt: '2026-10-05T02:00:00Z',
      mergedAt: '2026-10-05T10:00:00Z',
      author: 'sam-r',
    },
  },
  {
    id: 'd1',
    source: 'ci',
    type: 'deployment',
    subject: 'component:default/payments-api',
    data: {
      environment: 'production',
      status: 'success',
      finishedAt: '2026-10-06T00:00:00Z',
      commits: [],
      triggeredBy: 'user:default/sam.rivera',
    },
  },
  {
    id: 'c2',
    source: 'ci',
    type: 'change',
    subject: 'component:default/checkout-web',
    data: {
      openedAt: '2026-10-01T00:00:00Z',
      mergedAt: '2026-10-02T00:00:00Z',
      author: 'kai',
    },
  },
];

async function start() {
  const backend = await startDevexTestBackend({ entities });
  const stored = await request(backend.server)
    .post('/api/devex/events')
    .set('Authorization', mockCredentials.service.header())
    .send({ events });
  expect(stored.status).toBe(202);
  return backend;
}

describe('GET /api/devex/onboarding', () => {
  it("measures a group's newcomers from their start date; one has not merged or deployed yet", async () => {
    const { server, stop } = await start();
    try {
      // sam: merged 10 h and deployed 24 h after the 10-05 start; noa: neither yet. old.timer
      // was in the catalog at the first look and has no start date; kai is in another team.
      const res = await request(server)
        .get(`/api/devex/onboarding?${WINDOW}&group=group:default/product`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        group: 'group:default/product',
        window: {
          from: '2026-10-01T00:00:00.000Z',
          to: '2026-11-01T00:00:00.000Z',
        },
        people: 2,
        unknownStart: 1,
        firstMerge: { medianHours: 10, p75Hours: 10, samples: 1, notYet: 1 },
        firstDeploy: { medianHours: 24, p75Hours: 24, samples: 1, notYet: 1 },
      });

      const all = await request(server)
        .get(`/api/devex/onboarding?${WINDOW}`)
        .set('Authorization', mockCredentials.user.header());
      // kai merged 24 h after starting: samples 10 and 24.
      expect(all.body.people).toBe(3);
      expect(all.body.firstMerge).toEqual({
        medianHours: 17,
        p75Hours: 20.5,
        samples: 2,
        notYet: 1,
      });
    } finally {
      await stop();
    }
  });

  it('answers 400 naming a bad group or window, 404 for an unknown group, 401 without credentials', async () => {
    const { server, stop } = await start();
    try {
      const bad = await request(server)
        .get('/api/devex/onboarding?group=component:default/payments-api')
        .set('Authorization', mockCredentials.user.header());
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('group');
      const order = await request(server)
        .get(
          '/api/devex/onboarding?from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(order.status).toBe(400);
      expect(order.body.error.message).toContain('from');
      const unknown = await request(server)
        .get('/api/devex/onboarding?group=group:default/nobody')
        .set('Authorization', mockCredentials.user.header());
      expect(unknown.status).toBe(404);
      const anonymous = await request(server)
        .get('/api/devex/onboarding')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    } finally {
      await stop();
    }
  });

  it('refuses an author that is neither a user ref nor a login', async () => {
    const { server, stop } = await start();
    try {
      const res = await request(server)
        .post('/api/devex/events')
        .set('Authorization', mockCredentials.service.header())
        .send({
          events: [
            {
              ...events[0],
              id: 'c9',
              data: { ...events[0].data, author: 'group:default/payments' },
            },
          ],
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('events[0].data.author');
    } finally {
      await stop();
    }
  });
});
