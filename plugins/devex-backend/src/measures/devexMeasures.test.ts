import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../__testUtils__/testStores';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { devexMeasures } from './devexMeasures';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

/** A batch sent by CI at `receivedAt`. */
const ci = (receivedAt: number) => ({
  writer: 'service:external:ci',
  receivedAt,
});

const directory = {
  components: async () => [
    {
      entityRef: 'component:default/new-api',
      ownerRef: 'group:default/payments',
      templateRef: 'template:default/node-service',
      projectSlug: null,
      createdAt: null,
    },
    {
      entityRef: 'component:default/newer-api',
      ownerRef: 'group:default/payments',
      templateRef: 'template:default/node-service',
      projectSlug: null,
      createdAt: null,
    },
    {
      entityRef: 'component:default/legacy',
      ownerRef: 'group:default/data',
      templateRef: null,
      projectSlug: null,
      createdAt: null,
    },
  ],
} as unknown as ServiceDirectory;

describe.each(ids)('devexMeasures on %s', databaseId => {
  it('measures time to first production deployment, self-service ratio and adoption', async () => {
    const {
      ingest,
      dora,
      measures: measuresStore,
    } = await createTestStores(await databases.init(databaseId));
    await measuresStore.recordServiceCreation({
      entityRef: 'component:default/new-api',
      templateRef: 'template:default/node-service',
      templateVersion: '1.0.0',
      createdAt: Date.parse('2026-10-01T10:00:00Z'),
      origin: 'golden-path',
    });
    await measuresStore.recordServiceCreation({
      entityRef: 'component:default/newer-api',
      templateRef: 'template:default/node-service',
      templateVersion: null,
      createdAt: Date.parse('2026-10-05T00:00:00Z'),
      origin: 'catalog',
    });
    // a later catalog sighting must not overwrite the golden path's exact creation time
    await measuresStore.recordServiceCreation({
      entityRef: 'component:default/new-api',
      templateRef: 'template:default/node-service',
      templateVersion: null,
      createdAt: Date.parse('2026-10-09T00:00:00Z'),
      origin: 'catalog',
    });
    await ingest.ingest(
      [
        {
          id: 's',
          source: 'ci',
          type: 'deployment',
          subject: 'component:default/new-api',
          data: {
            environment: 'staging',
            status: 'success',
            finishedAt: '2026-10-01T12:00:00Z',
            commits: [],
          },
        },
        {
          id: 'p1',
          source: 'ci',
          type: 'deployment',
          subject: 'component:default/new-api',
          data: {
            environment: 'production',
            status: 'success',
            finishedAt: '2026-10-01T16:00:00Z',
            commits: [],
          },
        },
        {
          id: 'p2',
          source: 'ci',
          type: 'deployment',
          subject: 'component:default/new-api',
          data: {
            environment: 'production',
            status: 'success',
            finishedAt: '2026-10-03T16:00:00Z',
            commits: [],
          },
        },
      ],
      ci(1),
    );
    const at = (n: number) => Date.parse('2026-10-01T00:00:00Z') + n * 60_000;
    const change = (
      requestId: string,
      status: 'awaiting-approval' | 'provisioning' | 'ready',
      humanStep: boolean,
      minute: number,
    ) =>
      measuresStore.recordProvisioningRequest({
        requestId,
        status,
        humanStep,
        occurredAt: at(minute),
      });
    await change('r1', 'provisioning', false, 0);
    await change('r1', 'ready', false, 1);
    await change('r2', 'awaiting-approval', false, 0);
    await change('r2', 'provisioning', true, 5);
    await change('r2', 'ready', true, 6);
    await change('r3', 'provisioning', false, 0);

    const measures = await devexMeasures({
      dora,
      measures: measuresStore,
      directory,
    });
    expect(measures.timeToFirstDeployment).toMatchObject({
      medianHours: 6,
      samples: 1,
      pending: 1,
    });
    expect(measures.timeToFirstDeployment.services[1]).toMatchObject({
      entityRef: 'component:default/new-api',
      firstDeploymentAt: '2026-10-01T16:00:00.000Z',
      hours: 6,
    });
    // r2 needed an approval even though it ended ready; r3 is not done
    expect(measures.selfService).toEqual({
      ratio: 1 / 3,
      automated: 1,
      total: 3,
    });
    expect(measures.templateAdoption).toEqual({
      components: 3,
      fromTemplate: 2,
      ratio: 2 / 3,
      templates: [
        { templateRef: 'template:default/node-service', components: 2 },
      ],
    });

    const scoped = await devexMeasures({
      dora,
      measures: measuresStore,
      directory,
      services: ['component:default/legacy'],
    });
    expect(scoped.timeToFirstDeployment.samples).toBe(0);
    expect(scoped.timeToFirstDeployment.medianHours).toBeNull();
    expect(scoped.templateAdoption.ratio).toBe(0);
  });
});
