import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Entity } from '@backstage/catalog-model';
import { DevexEvent, EventBatchRequest } from '@paved/plugin-devex-common';
import { devexPlugin } from '../plugin';
import { githubSignature } from '../ingest/githubSignature';

jest.setTimeout(60_000);

const SECRET = 'test-webhook-secret';

const group = (
  name: string,
  parent?: string,
  children: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children, ...(parent ? { parent } : {}) },
});
const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'sam.rivera', namespace: 'default' },
  spec: { memberOf: ['payments'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
};

const entities: Entity[] = [
  group('engineering', undefined, ['product']),
  group('product', 'engineering', ['payments', 'storefront']),
  group('payments', 'product'),
  group('storefront', 'product'),
  group('platform', 'engineering'),
  component('payments-api', 'payments', {
    'github.com/project-slug': 'paved-org/payments-api',
  }),
  component('ledger-service', 'group:default/payments'),
  component('checkout-web', 'storefront'),
  component('paved', 'platform', {
    'paved.dev/template': 'template:default/node-service',
  }),
  user,
];

const deployment = (
  id: string,
  subject: string,
  finishedAt: string,
  extra: object = {},
): DevexEvent => ({
  id,
  source: 'ci',
  type: 'deployment',
  subject,
  data: {
    environment: 'production',
    status: 'success',
    finishedAt,
    commits: [
      {
        sha: `abcdef${id.replace(/\D/g, '').padStart(2, '0')}`,
        committedAt: '2026-10-01T00:00:00Z',
      },
    ],
    ...extra,
  },
});

describe('devex router', () => {
  const send = jest.fn(async () => {});

  async function startBackend() {
    send.mockClear();
    const { server } = await startTestBackend({
      features: [
        devexPlugin,
        mockServices.rootConfig.factory({
          data: {
            devex: {
              github: { webhookSecret: SECRET },
              surveys: { pseudonymSecret: 'p' },
            },
          },
        }),
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send }),
        }),
      ],
    });
    return server;
  }

  it('answers 401 without credentials on every authenticated route', async () => {
    const server = await startBackend();
    for (const [method, path] of [
      ['post', '/api/devex/events'],
      ['get', '/api/devex/dora'],
      ['get', '/api/devex/dora/series'],
      ['get', '/api/devex/deployments'],
      ['get', '/api/devex/incidents'],
      ['get', '/api/devex/devex/measures'],
      ['post', '/api/devex/surveys'],
      ['get', '/api/devex/surveys/summary'],
      ['get', '/api/devex/changes'],
      ['get', '/api/devex/impact'],
      ['get', '/api/devex/onboarding'],
      ['post', '/api/devex/feedback'],
      ['get', '/api/devex/feedback/summary'],
      ['get', '/api/devex/availability'],
      ['get', '/api/devex/provisioning/weeks'],
      ['get', '/api/devex/level-bands'],
      ['put', '/api/devex/level-bands'],
    ] as const) {
      const res = await request(server)
        [method](path)
        .set('Authorization', mockCredentials.none.header())
        .send({});
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });

  it('ingests events and reports DORA for a service, a group (with sub-groups) and the organisation', async () => {
    const server = await startBackend();
    const events = [
      deployment(
        'd1',
        'component:default/payments-api',
        '2026-10-02T00:00:00Z',
      ),
      deployment(
        'd2',
        'component:default/ledger-service',
        '2026-10-03T00:00:00Z',
      ),
      deployment(
        'd3',
        'component:default/checkout-web',
        '2026-10-04T00:00:00Z',
      ),
      deployment('d4', 'component:default/paved', '2026-10-05T00:00:00Z', {
        environment: 'staging',
      }),
    ];
    const ingest = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.service.header())
      .send({ events });
    expect(ingest.status).toBe(202);
    expect(ingest.body).toEqual({ accepted: 4 });

    const window = 'from=2026-10-01T00:00:00Z&to=2026-10-29T00:00:00Z';
    const asUser = mockCredentials.user.header('user:default/sam.rivera');
    const service = await request(server)
      .get(`/api/devex/dora?entityRef=component:default/payments-api&${window}`)
      .set('Authorization', asUser);
    expect(service.status).toBe(200);
    expect(service.body.deploymentFrequency).toEqual({
      deployments: 1,
      perWeek: 0.25,
      level: 'medium',
    });
    expect(service.body.leadTime).toMatchObject({
      medianHours: 24,
      samples: 1,
      level: 'high',
    });
    expect(service.body.changeFailureRate).toEqual({
      ratio: 0,
      failedDeployments: 0,
      deployments: 1,
      level: 'elite',
    });
    expect(service.body.recoveryTime).toEqual({
      medianHours: null,
      samples: 0,
      open: 0,
      level: null,
    });
    expect(service.body.timeToRestore).toEqual({
      medianHours: null,
      samples: 0,
      open: 0,
    });
    expect(service.body.demo).toBe(false);

    const team = await request(server)
      .get(`/api/devex/dora?group=group:default/product&${window}`)
      .set('Authorization', asUser);
    expect(team.status).toBe(200);
    expect(team.body.scope.services).toEqual([
      'component:default/checkout-web',
      'component:default/ledger-service',
      'component:default/payments-api',
    ]);
    expect(team.body.deploymentFrequency.deployments).toBe(3);

    const organisation = await request(server)
      .get(`/api/devex/dora?${window}`)
      .set('Authorization', asUser);
    expect(organisation.body.scope).toEqual({ kind: 'organization' });
    expect(organisation.body.deploymentFrequency.deployments).toBe(3);

    const series = await request(server)
      .get(`/api/devex/dora/series?bucket=week&tz=Europe/Berlin&${window}`)
      .set('Authorization', asUser);
    expect(series.status).toBe(200);
    expect(series.body.timeZone).toBe('Europe/Berlin');
    expect(series.body.points[0]).toMatchObject({
      week: '2026-W40',
      start: '2026-09-28T00:00:00.000+02:00',
      deployments: 3,
    });
    expect(series.body.points).toHaveLength(5);

    const list = await request(server)
      .get('/api/devex/deployments?group=group:default/payments&limit=10')
      .set('Authorization', asUser);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([
      'd2',
      'd1',
    ]);
  });

  it('answers 400 naming the event, the field and the rule, and stores nothing of the batch', async () => {
    const server = await startBackend();
    const good = deployment(
      'ok',
      'component:default/payments-api',
      '2026-10-02T00:00:00Z',
    );
    const cases: Array<[unknown, string]> = [
      [{}, 'events: is required (rule: required)'],
      [
        { events: [] },
        'events: must NOT have fewer than 1 items (rule: minimum)',
      ],
      [
        { events: [good, { ...good, id: 'x', type: 'release' }] },
        'events[1].type: is not one of the types the contract defines (rule: enum)',
      ],
      [
        {
          events: [
            good,
            {
              ...good,
              id: 'x',
              data: { ...(good as any).data, finishedAt: '2026-10-02 10:00' },
            },
          ],
        },
        'events[1].data.finishedAt: must match format "date-time" (rule: format)',
      ],
      [
        { events: [{ ...good, subject: 'payments-api' }] },
        'events[0].subject: must match pattern',
      ],
      [
        {
          events: [{ ...good, data: { ...(good as any).data, status: 'ok' } }],
        },
        'events[0].data.status: must be equal to one of the allowed values: success, failed (rule: enum)',
      ],
      [
        {
          events: [
            {
              ...good,
              data: {
                ...(good as any).data,
                commits: [{ sha: 'xyz', committedAt: '2026-10-01T00:00:00Z' }],
              },
            },
          ],
        },
        'events[0].data.commits[0].sha: must match pattern "^[0-9a-fA-F]{7,64}$" (rule: pattern)',
      ],
      [
        {
          events: [
            {
              id: 's',
              source: 'ci',
              type: 'survey',
              subject: 'component:default/paved',
              data: { score: 11, respondent: 'r' },
            },
          ],
        },
        // Survey answers are not events (they come from signed-in people through POST /surveys).
        'events[0].type: is not one of the types the contract defines (rule: enum)',
      ],
      [
        {
          events: Array.from({ length: 5001 }, (_, i) => ({
            ...good,
            id: `e${i}`,
          })),
        },
        'events: must NOT have more than 5000 items (rule: maximum)',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await request(server)
        .post('/api/devex/events')
        .set('Authorization', mockCredentials.service.header())
        .send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    const list = await request(server)
      .get('/api/devex/deployments')
      .set('Authorization', mockCredentials.user.header());
    expect(list.body.items).toEqual([]);
  });

  it('answers 400 for bad query parameters and 404 for an unknown group', async () => {
    const server = await startBackend();
    const asUser = mockCredentials.user.header();
    const cases: Array<[string, number, string]> = [
      [
        '/api/devex/dora?from=yesterday',
        400,
        'from: must match format "date-time" (rule: format)',
      ],
      [
        '/api/devex/dora?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z',
        400,
        'from: must be before to (rule: window-order)',
      ],
      // Found by `make fuzz`: month 13 passes the spec's format and parsed to NaN (500 before).
      [
        '/api/devex/dora?to=2026-11-01T00:00:00Z&from=2024-13-01T00:00:00%2B01:00',
        400,
        'from: must be a calendar date-time such as 2026-10-01T00:00:00Z (rule: format)',
      ],
      [
        '/api/devex/surveys/summary?from=2026-08-19T00:00:00.000Z&to=2024-13-01T00:00:00%2B01:00',
        400,
        'to: must be a calendar date-time such as 2026-10-01T00:00:00Z (rule: format)',
      ],
      [
        '/api/devex/dora?to=1970-01-02T00:00:00Z',
        400,
        'from: must be between 1970-01-01 and 9999-12-31 (from defaults to 90 days before to) (rule: window-range)',
      ],
      [
        '/api/devex/dora?from=2020-01-01T00:00:00Z&to=2026-10-01T00:00:00Z',
        400,
        'to: the window from..to must not exceed 1098 days (rule: window-maximum)',
      ],
      [
        '/api/devex/dora?entityRef=not%20a%20ref',
        400,
        'entityRef: must be an entity ref such as component:default/payments-api (rule: entity-ref)',
      ],
      [
        '/api/devex/dora?group=component:default/paved',
        400,
        'group: must be a group entity ref such as group:default/payments (rule: entity-kind)',
      ],
      [
        '/api/devex/dora?group=group:default/payments&entityRef=component:default/paved',
        400,
        'group: must not be given together with entityRef (rule: one-of)',
      ],
      [
        '/api/devex/dora/series?bucket=day',
        400,
        'bucket: must be equal to one of the allowed values: week (rule: enum)',
      ],
      [
        '/api/devex/dora/series?tz=Mars/Olympus',
        400,
        'tz: must be an IANA time zone such as Europe/Berlin (rule: time-zone)',
      ],
      [
        '/api/devex/deployments?limit=0',
        400,
        'limit: must be >= 1 (rule: minimum)',
      ],
      [
        '/api/devex/dora?group=group:default/nobody',
        404,
        'group:default/nobody is not in the catalog',
      ],
    ];
    for (const [path, status, message] of cases) {
      const res = await request(server).get(path).set('Authorization', asUser);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.body.error.message).toContain(message);
    }
  });

  // Found by `make fuzz` on PostgreSQL, which fails a statement with a text holding U+0000 (a 500).
  it('refuses a NUL character in a query parameter or a body with 400, naming the field', async () => {
    const server = await startBackend();
    const asUser = mockCredentials.user.header();
    const deployments = await request(server)
      .get(
        '/api/devex/deployments?entityRef=component%3Adefault%2Fpayments-api&environment=%00',
      )
      .set('Authorization', asUser);
    expect(deployments.status).toBe(400);
    expect(deployments.body.error.message).toBe(
      'environment: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
    const survey = await request(server)
      .post('/api/devex/surveys')
      .set('Authorization', asUser)
      .send({ score: 9, comment: 'good\u0000' });
    expect(survey.status).toBe(400);
    expect(survey.body.error.message).toBe(
      'comment: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
  });

  it('names every violation of a request, not only the first', async () => {
    const server = await startBackend();
    const good = deployment(
      'ok',
      'component:default/payments-api',
      '2026-10-02T00:00:00Z',
    ) as Extract<DevexEvent, { type: 'deployment' }>;
    const batch: EventBatchRequest = {
      events: [
        { ...good, data: { ...good.data, status: 'ok' as 'success' } },
        good,
        {
          ...good,
          id: '',
          data: { ...good.data, finishedAt: 'yesterday', commits: [] },
        },
      ],
    };
    const body = await request(server)
      .post('/api/devex/events')
      .set('Authorization', mockCredentials.service.header())
      .send(batch);
    expect(body.status).toBe(400);
    expect(body.body.error.message.split('; ').sort()).toEqual([
      'events[0].data.status: must be equal to one of the allowed values: success, failed (rule: enum)',
      'events[2].data.finishedAt: must match format "date-time" (rule: format)',
      'events[2].id: must NOT have fewer than 1 characters (rule: minimum)',
      'events[2].id: must match pattern "^[\\x21-\\x7e]+$" (rule: pattern)',
    ]);

    const query = await request(server)
      .get(`/api/devex/deployments?limit=0&environment=${'x'.repeat(101)}`)
      .set('Authorization', mockCredentials.user.header());
    expect(query.status).toBe(400);
    expect(query.body.error.message.split('; ').sort()).toEqual([
      'environment: must NOT have more than 100 characters (rule: maximum)',
      'limit: must be >= 1 (rule: minimum)',
    ]);

    const rules = await request(server)
      .get(
        '/api/devex/dora?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z&entityRef=not%20a%20ref&group=component:default/x',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(rules.status).toBe(400);
    expect(rules.body.error.message.split('; ')).toEqual([
      'from: must be before to (rule: window-order)',
      'group: must not be given together with entityRef (rule: one-of)',
      'entityRef: must be an entity ref such as component:default/payments-api (rule: entity-ref)',
      'group: must be a group entity ref such as group:default/payments (rule: entity-kind)',
    ]);
  });

  it('accepts signed GitHub deliveries and refuses unsigned, wrongly signed or tampered ones', async () => {
    const server = await startBackend();
    const push = JSON.stringify({
      ref: 'refs/heads/main',
      repository: {
        full_name: 'paved-org/payments-api',
        default_branch: 'main',
      },
      commits: [{ id: 'aaaaaaaa11', timestamp: '2026-10-01T08:00:00Z' }],
    });
    const status = JSON.stringify({
      repository: { full_name: 'Paved-Org/payments-api' },
      deployment: {
        id: 42,
        sha: 'aaaaaaaa11',
        environment: 'prod',
        created_at: '2026-10-01T09:00:00Z',
      },
      deployment_status: {
        state: 'success',
        updated_at: '2026-10-01T10:00:00Z',
      },
    });
    const deliver = (event: string, body: string, signature?: string) => {
      const req = request(server)
        .post('/api/devex/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', event);
      if (signature) req.set('X-Hub-Signature-256', signature);
      return req.send(body);
    };

    expect((await deliver('deployment_status', status)).status).toBe(401);
    expect(
      (
        await deliver(
          'deployment_status',
          status,
          githubSignature('wrong', status),
        )
      ).status,
    ).toBe(401);
    const tampered = status.replace('"success"', '"failure"');
    expect(
      (
        await deliver(
          'deployment_status',
          tampered,
          githubSignature(SECRET, status),
        )
      ).status,
    ).toBe(401);
    expect(
      (await deliver('deployment_status', status, 'sha256=zz')).status,
    ).toBe(401);
    let list = await request(server)
      .get('/api/devex/deployments')
      .set('Authorization', mockCredentials.user.header());
    expect(list.body.items).toEqual([]);

    expect(
      (await deliver('push', push, githubSignature(SECRET, push))).status,
    ).toBe(202);
    const accepted = await deliver(
      'deployment_status',
      status,
      githubSignature(SECRET, status),
    );
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ accepted: 1 });
    list = await request(server)
      .get('/api/devex/deployments')
      .set('Authorization', mockCredentials.user.header());
    expect(list.body.items).toEqual([
      expect.objectContaining({
        source: 'github',
        id: 'deployment-42',
        service: 'component:default/payments-api',
        environment: 'production',
        commits: 1,
      }),
    ]);
    const dora = await request(server)
      .get(
        '/api/devex/dora?entityRef=component:default/payments-api&from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(dora.body.leadTime).toMatchObject({ medianHours: 2, samples: 1 });
  });

  // Found by bench/fuzz: a signed delivery is still input, and used to answer 500.
  it('answers 400 with a message to signed deliveries whose fields have the wrong type', async () => {
    const server = await startBackend();
    const repository = { full_name: 'paved-org/payments-api' };
    // Stands for 20,000 nested arrays, spliced into the JSON text (too deep to stringify here).
    const deeplyNested = '<deep>';
    const hostile: Array<[string, unknown, string]> = [
      ['issues', { repository, issue: { labels: 5 } }, 'issue.labels'],
      ['push', { repository: { full_name: 33 }, commits: [] }, 'full_name'],
      ['push', { repository, ref: deeplyNested }, 'ref'],
      [
        'workflow_run',
        { repository, action: deeplyNested, workflow_run: {} },
        'action',
      ],
      [
        'workflow_run',
        {
          repository,
          action: 'completed',
          workflow_run: {
            name: 'Deploy',
            conclusion: 'success',
            updated_at: '2026-10-01T10:00:00Z',
            head_commit: { timestamp: '2026-10-01T09:00:00Z' },
          },
        },
        'head_sha',
      ],
      [
        'deployment_status',
        {
          repository,
          deployment: { id: 1 },
          deployment_status: { state: 'success', updated_at: 'yesterday' },
        },
        'updated_at',
      ],
    ];
    for (const [event, payload, field] of hostile) {
      const body = JSON.stringify(payload).replace(
        `"${deeplyNested}"`,
        `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      );
      const res = await request(server)
        .post('/api/devex/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', event)
        .set('X-Hub-Signature-256', githubSignature(SECRET, body))
        .send(body);
      expect({ event, field, status: res.status }).toEqual({
        event,
        field,
        status: 400,
      });
      expect(res.body.error).toMatchObject({ name: 'InputError' });
      expect(res.body.error.message).toContain(field);
    }
    // Commit ids longer than a sha are not stored (the column holds 64 characters).
    const push = JSON.stringify({
      ref: 'refs/heads/main',
      repository,
      commits: [{ id: 'f'.repeat(300), timestamp: '2026-10-01T08:00:00Z' }],
    });
    const accepted = await request(server)
      .post('/api/devex/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', 'push')
      .set('X-Hub-Signature-256', githubSignature(SECRET, push))
      .send(push);
    expect(accepted.status).toBe(202);
  });

  it('records pulse surveys pseudonymously, notifies the platform team of low scores and hides small teams', async () => {
    const server = await startBackend();
    const submit = (
      score: number,
      userRef = 'user:default/sam.rivera',
      comment?: string,
    ) =>
      request(server)
        .post('/api/devex/surveys')
        .set('Authorization', mockCredentials.user.header(userRef))
        .send({ score, comment });

    const bad = await submit(11);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('score: must be <= 10 (rule: maximum)');
    const first = await submit(9);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      period: expect.stringMatching(/^\d{4}-\d{2}$/),
      replaced: false,
    });
    expect(send).not.toHaveBeenCalled();
    const low = await submit(3, 'user:default/sam.rivera', 'Slow approvals');
    expect(low.status).toBe(201);
    expect(low.body.replaced).toBe(true);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/platform' },
      payload: expect.objectContaining({
        title: 'Pulse survey: the platform got 3/10',
        description: 'Slow approvals',
      }),
    });
    expect(JSON.stringify(send.mock.calls)).not.toContain('sam.rivera');
    const service = await request(server)
      .post('/api/devex/surveys')
      .set('Authorization', mockCredentials.service.header())
      .send({ score: 5 });
    expect(service.status).toBe(403);

    const summary = await request(server)
      .get('/api/devex/surveys/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(summary.status).toBe(200);
    // One person (their second answer this period replaced the first): below the minimum.
    expect(summary.body).toMatchObject({
      respondents: 1,
      suppressed: true,
      nps: null,
      promoters: null,
      comments: null,
      teams: [
        {
          group: 'group:default/payments',
          respondents: 1,
          suppressed: true,
          nps: null,
        },
      ],
      minimumRespondents: 5,
      minimumWindowDays: 7,
    });
    expect(JSON.stringify(summary.body)).not.toContain('sam.rivera');
  });

  it('reports template adoption from the catalog', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/devex/devex/measures')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.templateAdoption).toEqual({
      components: 4,
      fromTemplate: 1,
      ratio: 0.25,
      templates: [
        { templateRef: 'template:default/node-service', components: 1 },
      ],
    });
    expect(res.body.selfService).toEqual({
      ratio: null,
      automated: 0,
      total: 0,
    });
  });
});
