import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  SERVICE_CREATED_TOPIC,
} from '@paved/plugin-golden-paths-common';
import { DevexEvent } from '@paved/plugin-devex-common';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';

jest.setTimeout(60_000);

const TEMPLATE = 'template:default/node-service';
const WINDOW = 'from=2026-10-01T00:00:00Z&to=2026-10-29T00:00:00Z';
const ref = (name: string) => `component:default/${name}`;

const component = (name: string, owner: string, version?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: version
      ? {
          [ANNOTATION_TEMPLATE]: TEMPLATE,
          [ANNOTATION_TEMPLATE_VERSION]: version,
        }
      : {},
  },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  component('a1', 'payments', '1.0.0'),
  component('a2', 'storefront', '1.0.0'),
  component('b1', 'storefront', '2.0.0'),
  component('n1', 'payments'),
];

const deployment = (
  id: string,
  service: string,
  finishedAt: string,
  committedAt: string,
): DevexEvent => ({
  id,
  source: 'ci',
  type: 'deployment',
  subject: ref(service),
  data: {
    environment: 'production',
    status: 'success',
    finishedAt,
    commits: [{ sha: `abcdef${id.padStart(4, '0')}`, committedAt }],
  },
});

async function start() {
  const backend = await startDevexTestBackend({
    entities,
    config: { devex: { impact: { minimumSamples: 2 } } },
  });
  const stored = await request(backend.server)
    .post('/api/devex/events')
    .set('Authorization', mockCredentials.service.header())
    .send({
      events: [
        // lead times: a1 2 h, a2 6 h, b1 24 h, n1 10 h
        deployment('1', 'a1', '2026-10-02T12:00:00Z', '2026-10-02T10:00:00Z'),
        deployment('3', 'a2', '2026-10-04T00:00:00Z', '2026-10-03T18:00:00Z'),
        deployment('4', 'b1', '2026-10-05T00:00:00Z', '2026-10-04T00:00:00Z'),
        deployment('6', 'n1', '2026-10-06T10:00:00Z', '2026-10-06T00:00:00Z'),
      ],
    });
  expect(stored.status).toBe(202);
  // Time to first deployment: a1 24 h, a2 12 h.
  for (const [name, createdAt, version] of [
    ['a1', '2026-10-01T12:00:00Z', '1.0.0'],
    ['a2', '2026-10-03T12:00:00Z', '1.0.0'],
  ]) {
    await backend.publish(SERVICE_CREATED_TOPIC, {
      entityRef: ref(name),
      templateRef: TEMPLATE,
      templateVersion: version,
      createdAt,
      createdBy: 'user:default/sam.rivera',
      taskId: `task-${name}`,
    });
  }
  return backend;
}

const impact = (server: any, query: string) =>
  request(server)
    .get(`/api/devex/impact?${query}`)
    .set('Authorization', mockCredentials.user.header());

const measure = (value: number | null, samples: number) => ({
  value,
  samples,
  tooFewSamples: value === null,
});

describe('GET /impact', () => {
  it('compares templates and versions with services made from none, withholding measures with too few samples', async () => {
    const backend = await start();
    const res = await impact(backend.server, WINDOW);
    expect(res.status).toBe(200);
    expect(res.body.minimumSamples).toBe(2);
    const weeks = 4;
    expect(res.body.cohorts).toEqual([
      {
        kind: 'template',
        templateRef: TEMPLATE,
        templateVersion: null,
        services: 3,
        deployments: 3,
        deploymentFrequency: measure(3 / 3 / weeks, 3),
        // lead [2, 6, 24]
        leadTimeHours: measure(6, 3),
        changeFailureRate: measure(0, 3),
        recoveryTimeHours: measure(null, 0),
        // [24, 12]
        timeToFirstDeploymentHours: measure(18, 2),
      },
      {
        kind: 'templateVersion',
        templateRef: TEMPLATE,
        templateVersion: '2.0.0',
        services: 1,
        deployments: 1,
        // One service, one deployment, one commit: too few to compare.
        deploymentFrequency: measure(null, 1),
        leadTimeHours: measure(null, 1),
        changeFailureRate: measure(null, 1),
        recoveryTimeHours: measure(null, 0),
        timeToFirstDeploymentHours: measure(null, 0),
      },
      {
        kind: 'templateVersion',
        templateRef: TEMPLATE,
        templateVersion: '1.0.0',
        services: 2,
        deployments: 2,
        deploymentFrequency: measure(2 / 2 / weeks, 2),
        leadTimeHours: measure(4, 2),
        changeFailureRate: measure(0, 2),
        recoveryTimeHours: measure(null, 0),
        timeToFirstDeploymentHours: measure(18, 2),
      },
      {
        kind: 'none',
        templateRef: null,
        templateVersion: null,
        services: 1,
        deployments: 1,
        deploymentFrequency: measure(null, 1),
        leadTimeHours: measure(null, 1),
        changeFailureRate: measure(null, 1),
        recoveryTimeHours: measure(null, 0),
        timeToFirstDeploymentHours: measure(null, 0),
      },
    ]);
    await backend.stop();
  });

  it("keeps to a team's services, and answers 401 and 400 like the other routes", async () => {
    const backend = await start();
    const team = await impact(
      backend.server,
      `group=group:default/payments&${WINDOW}`,
    );
    expect(team.status).toBe(200);
    expect(team.body.scope).toEqual({
      kind: 'group',
      group: 'group:default/payments',
      services: [ref('a1'), ref('n1')],
    });
    expect(
      team.body.cohorts.map((c: any) => [
        c.kind,
        c.templateVersion,
        c.services,
      ]),
    ).toEqual([
      ['template', null, 1],
      ['templateVersion', '1.0.0', 1],
      ['none', null, 1],
    ]);
    expect(
      (
        await request(backend.server)
          .get('/api/devex/impact')
          .set('Authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
    const bad = await impact(
      backend.server,
      'from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z&group=component:default/a1',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message.split('; ').sort()).toEqual([
      'from: must be before to (rule: window-order)',
      'group: must be a group entity ref such as group:default/payments (rule: entity-kind)',
    ]);
    expect(
      (await impact(backend.server, 'group=group:default/nobody')).status,
    ).toBe(404);
    await backend.stop();
  });
});
