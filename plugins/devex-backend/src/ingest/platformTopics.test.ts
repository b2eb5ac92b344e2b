import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE,
  SERVICE_CREATED_TOPIC,
} from '@paved/plugin-golden-paths-common';
import { PROVISIONING_REQUEST_TOPIC } from '@paved/plugin-provisioning-common';
import { startDevexTestBackend } from '../testing/devexTestBackend';
import { RefusedPayloadLog } from './platformTopics';

jest.setTimeout(60_000);

const orders: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      [ANNOTATION_TEMPLATE]: 'template:default/typescript-service',
      [ANNOTATION_CREATED_AT]: '2026-12-07T10:00:00Z',
    },
  },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'payments' },
};

/** What `paved:catalog:wait` publishes when a golden-path task has made `orders`. */
const created = {
  entityRef: 'component:default/orders',
  templateRef: 'template:default/typescript-service',
  templateVersion: '1.1.0',
  createdAt: '2026-12-07T10:00:00Z',
  createdBy: 'user:default/sam.rivera',
  taskId: '0c2f6d1e-7a43-4c4e-9d1f-2b1c7e0b9a11',
};

/**
 * The service-created event through the real events service into the real devex backend. The
 * lead's end-to-end test replaces `publish` with the scaffolder running a golden path; everything
 * after it (the measures read over HTTP) stays as it is here.
 */
export async function expectCreatedThenDeployed(
  server: Parameters<typeof request>[0],
  publishCreation: () => Promise<void>,
  service = created,
) {
  const measures = async () => {
    const res = await request(server)
      .get('/api/devex/devex/measures')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.timeToFirstDeployment;
  };

  await publishCreation();
  // "At once": no scheduler run, no catalog refresh in between.
  expect(await measures()).toMatchObject({
    pending: 1,
    samples: 0,
    services: [
      {
        entityRef: service.entityRef,
        templateRef: service.templateRef,
        templateVersion: service.templateVersion,
        createdAt: new Date(service.createdAt).toISOString(),
        firstDeploymentAt: null,
        hours: null,
      },
    ],
  });

  const deployedAt = new Date(Date.parse(service.createdAt) + 30 * 3_600_000);
  const deploy = await request(server)
    .post('/api/devex/events')
    .set('Authorization', mockCredentials.service.header())
    .send({
      events: [
        {
          id: 'first-production-deploy',
          source: 'ci',
          type: 'deployment',
          subject: service.entityRef,
          data: {
            environment: 'production',
            status: 'success',
            finishedAt: deployedAt.toISOString(),
            commits: [],
          },
        },
      ],
    });
  expect(deploy.status).toBe(202);
  expect(await measures()).toMatchObject({
    medianHours: 30,
    samples: 1,
    pending: 0,
    services: [
      {
        entityRef: service.entityRef,
        firstDeploymentAt: deployedAt.toISOString(),
        hours: 30,
      },
    ],
  });
}

describe('platform topics', () => {
  it('lists a service created by a golden path at once, and its time to first deployment after a production deployment', async () => {
    const backend = await startDevexTestBackend({ entities: [orders] });
    await expectCreatedThenDeployed(backend.server, () =>
      backend.publish(SERVICE_CREATED_TOPIC, created),
    );
    await backend.stop();
  });

  it('refuses payloads that do not match the contracts, and never guesses', async () => {
    const backend = await startDevexTestBackend({ entities: [orders] });
    // The shapes DevEx used to guess at: a scaffolder task, and `at`/`state` instead of the contract.
    await backend.publish(SERVICE_CREATED_TOPIC, {
      status: 'completed',
      output: { entityRef: 'component:default/orders' },
    });
    await backend.publish(SERVICE_CREATED_TOPIC, {
      ...created,
      createdAt: undefined,
    });
    await backend.publish(PROVISIONING_REQUEST_TOPIC, {
      requestId: 'r1',
      state: 'ready',
      at: '2026-12-07T10:00:00Z',
    });
    const res = await request(backend.server)
      .get('/api/devex/devex/measures')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.timeToFirstDeployment.services).toEqual([]);
    expect(res.body.selfService.total).toBe(0);
    await backend.stop();
  });
});

describe('RefusedPayloadLog', () => {
  it('logs each distinct reason once, naming every violation', () => {
    const logger = mockServices.logger.mock();
    const log = new RefusedPayloadLog(logger, 2);
    const issues = [
      { code: 'invalid_type', path: ['createdAt'], message: 'Required' },
      { code: 'invalid_string', path: ['entityRef'], message: 'bad ref' },
    ] as any;
    for (let i = 0; i < 5; i++) log.refused('golden-paths.service-created', issues);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain(
      'createdAt: Required (rule: required); entityRef: bad ref (rule: pattern)',
    );
    log.refused('provisioning.request', issues);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
