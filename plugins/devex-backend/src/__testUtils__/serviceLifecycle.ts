import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { ServiceCreatedEvent } from '@paved/plugin-golden-paths-common';

/** What `paved:catalog:wait` publishes when a golden-path task has made `orders`. */
export const exampleServiceCreated: ServiceCreatedEvent = {
  entityRef: 'component:default/orders',
  templateRef: 'template:default/typescript-service',
  templateVersion: '1.1.0',
  createdAt: '2026-12-07T10:00:00Z',
  createdBy: 'user:default/sam.rivera',
  taskId: '0c2f6d1e-7a43-4c4e-9d1f-2b1c7e0b9a11',
};

const HOURS_TO_FIRST_DEPLOYMENT = 30;

/**
 * DevEx's view of a new service: right after `announceCreation` (which publishes the
 * service-created event, here by hand, in the end-to-end test through the real scaffolder), and
 * after a production deployment sent by CI 30 hours after the creation.
 */
export async function serviceLifecycleMeasures(
  server: Parameters<typeof request>[0],
  announceCreation: () => Promise<unknown>,
  service: Pick<
    ServiceCreatedEvent,
    'entityRef' | 'createdAt'
  > = exampleServiceCreated,
) {
  const timeToFirstDeployment = async () => {
    const res = await request(server)
      .get('/api/devex/devex/measures')
      .set('Authorization', mockCredentials.user.header());
    if (res.status !== 200) {
      throw new Error(`GET /devex/measures answered ${res.status}`);
    }
    return res.body.timeToFirstDeployment;
  };

  await announceCreation();
  // "At once": no scheduler run and no catalog refresh in between.
  const created = await timeToFirstDeployment();

  const deployedAt = new Date(
    Date.parse(service.createdAt) + HOURS_TO_FIRST_DEPLOYMENT * 3_600_000,
  );
  const deploy = await request(server)
    .post('/api/devex/events')
    .set('Authorization', mockCredentials.service.header())
    .send({
      events: [
        {
          id: `first-production-deploy-${service.entityRef}`,
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
  if (deploy.status !== 202) {
    throw new Error(`POST /events answered ${deploy.status}`);
  }
  return { created, deployed: await timeToFirstDeployment() };
}

/** What {@link serviceLifecycleMeasures} must find for `service`. */
export function expectedLifecycle(service: ServiceCreatedEvent) {
  const deployedAt = new Date(
    Date.parse(service.createdAt) + HOURS_TO_FIRST_DEPLOYMENT * 3_600_000,
  ).toISOString();
  return {
    created: {
      pending: 1,
      samples: 0,
      services: [
        {
          entityRef: service.entityRef,
          templateRef: service.templateRef,
          templateVersion: service.templateVersion ?? null,
          createdAt: new Date(service.createdAt).toISOString(),
          firstDeploymentAt: null,
          hours: null,
        },
      ],
    },
    deployed: {
      medianHours: HOURS_TO_FIRST_DEPLOYMENT,
      samples: 1,
      pending: 0,
      services: [
        {
          entityRef: service.entityRef,
          firstDeploymentAt: deployedAt,
          hours: HOURS_TO_FIRST_DEPLOYMENT,
        },
      ],
    },
  };
}
