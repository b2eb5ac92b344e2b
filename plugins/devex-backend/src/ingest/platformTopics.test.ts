import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE,
  SERVICE_CREATED_TOPIC,
} from '@paved/plugin-golden-paths-common';
import { PROVISIONING_REQUEST_TOPIC } from '@paved/plugin-provisioning-common';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import {
  exampleServiceCreated as created,
  expectedLifecycle,
  serviceLifecycleMeasures,
} from '../__testUtils__/serviceLifecycle';
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

describe('platform topics', () => {
  it('lists a service created by a golden path at once, and its time to first deployment after a production deployment', async () => {
    const backend = await startDevexTestBackend({ entities: [orders] });
    const measures = await serviceLifecycleMeasures(backend.server, () =>
      backend.publish(SERVICE_CREATED_TOPIC, created),
    );
    expect(measures).toMatchObject(expectedLifecycle(created));
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
    for (let i = 0; i < 5; i++)
      log.refused('golden-paths.service-created', issues);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain(
      'createdAt: Required (rule: required); entityRef: bad ref (rule: pattern)',
    );
    log.refused('provisioning.request', issues);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
