import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
} from '@paved/plugin-golden-paths-common';
import {
  ANNOTATION_GITHUB_USER_LOGIN,
  ANNOTATION_START_DATE,
  DevexEvent,
} from '@paved/plugin-devex-common';
// The module is tested on the plugin it extends, through the Actions Registry's HTTP API.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import devexPlugin from '@paved/plugin-devex-backend';
import { devexModuleActions } from './module';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
// The actions look back `windowDays` from now, so the fixture lives ten days ago.
const base = Math.floor(Date.now() / HOUR) * HOUR - 10 * 24 * HOUR;
const at = (hours: number) => new Date(base + hours * HOUR).toISOString();
const SHA = 'abcdef0123456789';

const component = (name: string, annotations: Record<string, string>) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  } as Entity);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'sam.rivera',
      namespace: 'default',
      annotations: {
        [ANNOTATION_START_DATE]: at(0),
        [ANNOTATION_GITHUB_USER_LOGIN]: 'sam-r',
      },
    },
    spec: { memberOf: ['payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
  },
  component('payments-api', {
    [ANNOTATION_TEMPLATE]: 'template:default/node-service',
    [ANNOTATION_TEMPLATE_VERSION]: '1.0.0',
  }),
  component('ledger', {}),
];

/*
 * Hand-computed: sam (started at hour 0) committed at 30, opened at 32, was first reviewed at
 * 34, merged at 38 as commit SHA, which reached production at 40 in a deployment sam triggered.
 * Review flow: coding 2 h, pickup 2 h, review 4 h, deploy 2 h; 30 lines (class S).
 * Onboarding: first merge 38 h, first deployment 40 h. Impact: payments-api (template
 * node-service 1.0.0) has a lead time of 10 h; ledger (no template) has no deployments.
 */
const events: DevexEvent[] = [
  {
    id: 'pr-1',
    source: 'ci',
    type: 'change',
    subject: 'component:default/payments-api',
    data: {
      firstCommitAt: at(30),
      openedAt: at(32),
      firstReviewAt: at(34),
      mergedAt: at(38),
      mergeCommit: SHA,
      additions: 20,
      deletions: 10,
      author: 'sam-r',
    },
  },
  {
    id: 'deploy-1',
    source: 'ci',
    type: 'deployment',
    subject: 'component:default/payments-api',
    data: {
      environment: 'production',
      status: 'success',
      finishedAt: at(40),
      commits: [{ sha: SHA, committedAt: at(30) }],
      triggeredBy: 'user:default/sam.rivera',
    },
  },
];

async function start() {
  const backend = await startTestBackend({
    features: [
      devexPlugin,
      devexModuleActions,
      actionsRegistryServiceFactory,
      mockServices.rootConfig.factory({
        data: { devex: { impact: { minimumSamples: 1 } } },
      }),
      catalogServiceMock.factory({ entities }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ async send() {} }),
      }),
    ],
  });
  const stored = await request(backend.server)
    .post('/api/devex/events')
    .set('Authorization', mockCredentials.service.header())
    .send({ events });
  expect(stored.status).toBe(202);
  const invoke = (id: string, input: object) =>
    request(backend.server)
      .post(`/api/devex/.backstage/actions/v1/actions/devex:${id}/invoke`)
      .set('Authorization', mockCredentials.user.header())
      .send(input);
  return { backend, invoke };
}

describe('devex review-flow, impact and onboarding actions', () => {
  it('are listed as read-only and idempotent', async () => {
    const { backend } = await start();
    try {
      const res = await request(backend.server)
        .get('/api/devex/.backstage/actions/v1/actions')
        .set('Authorization', mockCredentials.user.header());
      const byId = Object.fromEntries(
        res.body.actions.map((a: any) => [a.id, a.attributes]),
      );
      for (const id of [
        'devex:get-review-flow',
        'devex:get-golden-path-impact',
        'devex:get-onboarding',
      ]) {
        expect(byId[id]).toEqual({
          readOnly: true,
          destructive: false,
          idempotent: true,
        });
      }
    } finally {
      await backend.stop();
    }
  });

  it("answer with the routes' figures for a team", async () => {
    const { backend, invoke } = await start();
    try {
      const flow = await invoke('get-review-flow', {
        team: 'group:default/payments',
        windowDays: 30,
      });
      expect(flow.status).toBe(200);
      expect(flow.body.output).toMatchObject({
        merged: 1,
        coding: { medianHours: 2, p75Hours: 2, samples: 1 },
        pickup: { medianHours: 2, p75Hours: 2, samples: 1 },
        review: { medianHours: 4, p75Hours: 4, samples: 1 },
        deploy: { medianHours: 2, p75Hours: 2, samples: 1 },
        open: 0,
      });
      expect(flow.body.output.size.classes[1]).toEqual({
        label: 'S',
        maxLines: 50,
        changes: 1,
      });

      const impact = await invoke('get-golden-path-impact', {
        team: 'group:default/payments',
      });
      expect(impact.status).toBe(200);
      const cohorts = impact.body.output.cohorts;
      const version = cohorts.find((c: any) => c.kind === 'templateVersion');
      expect(version).toMatchObject({
        templateRef: 'template:default/node-service',
        templateVersion: '1.0.0',
        services: 1,
        leadTimeHours: { value: 10, samples: 1, tooFewSamples: false },
      });
      const none = cohorts.find((c: any) => c.kind === 'none');
      expect(none.leadTimeHours).toEqual({
        value: null,
        samples: 0,
        tooFewSamples: true,
      });

      const onboarding = await invoke('get-onboarding', {
        team: 'group:default/payments',
      });
      expect(onboarding.status).toBe(200);
      expect(onboarding.body.output).toMatchObject({
        people: 1,
        unknownStart: 0,
        firstMerge: { medianHours: 38, samples: 1, notYet: 0 },
        firstDeploy: { medianHours: 40, samples: 1, notYet: 0 },
      });
    } finally {
      await backend.stop();
    }
  });

  it('refuse bad input with the reason, as the routes do', async () => {
    const { backend, invoke } = await start();
    try {
      const both = await invoke('get-review-flow', {
        service: 'component:default/payments-api',
        team: 'group:default/payments',
      });
      expect(both.status).toBe(400);
      expect(both.body.error.message).toContain('service and team');

      const unknown = await invoke('get-onboarding', {
        team: 'group:default/nobody',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('group:default/nobody');

      const notAGroup = await invoke('get-golden-path-impact', {
        team: 'component:default/payments-api',
      });
      expect(notAGroup.status).toBe(400);
      expect(notAGroup.body.error.message).toContain('group');

      const days = await invoke('get-review-flow', { windowDays: 0 });
      expect(days.status).toBe(400);
    } finally {
      await backend.stop();
    }
  });
});
