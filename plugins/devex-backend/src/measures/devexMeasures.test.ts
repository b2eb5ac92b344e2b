import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { KnexDevexStore } from '../database/KnexDevexStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { creationFromTask, provisioningUpdate } from '../ingest/platformTopics';
import { devexMeasures } from './devexMeasures';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

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

describe('platform topic payloads', () => {
  it('reads a completed golden-path task and ignores unfinished ones', () => {
    expect(
      creationFromTask({
        taskId: 't1',
        status: 'completed',
        completedAt: '2026-10-01T10:00:00Z',
        spec: { templateInfo: { entityRef: 'template:default/node-service' } },
        output: { entityRef: 'component:default/new-api' },
      }),
    ).toEqual({
      entityRef: 'component:default/new-api',
      templateRef: 'template:default/node-service',
      createdAt: Date.parse('2026-10-01T10:00:00Z'),
      origin: 'scaffolder-task',
    });
    expect(
      creationFromTask({
        status: 'failed',
        output: { entityRef: 'component:default/x' },
      }),
    ).toBeUndefined();
    expect(creationFromTask({ status: 'completed' })).toBeUndefined();
  });

  it('marks provisioning requests that needed a person', () => {
    expect(
      provisioningUpdate({ requestId: 'r1', state: 'ready' }),
    ).toMatchObject({ requestId: 'r1', state: 'ready', humanStep: false });
    expect(
      provisioningUpdate({ requestId: 'r2', state: 'awaiting-approval' })
        ?.humanStep,
    ).toBe(true);
    expect(
      provisioningUpdate({
        requestId: 'r3',
        state: 'ready',
        actor: 'user:default/priya.natarajan',
      })?.humanStep,
    ).toBe(true);
    expect(provisioningUpdate({ state: 'ready' })).toBeUndefined();
  });

  it("takes the provisioning backend's own humanStep as it is", () => {
    // What plugins/provisioning-backend publishes when the requester files a development
    // database: the requester is the actor, and no approval is needed.
    const filed = {
      requestId: 'r4',
      status: 'provisioning',
      action: 'created',
      actor: 'user:default/sam.rivera',
      requestedBy: 'user:default/sam.rivera',
      humanStep: false,
    };
    expect(provisioningUpdate(filed)?.humanStep).toBe(false);
    expect(
      provisioningUpdate({
        ...filed,
        status: 'ready',
        actor: 'plugin:provisioning',
      })?.humanStep,
    ).toBe(false);
    expect(
      provisioningUpdate({
        ...filed,
        status: 'awaiting-approval',
        humanStep: true,
      })?.humanStep,
    ).toBe(true);
    // Without the field, the requester moving their own request is no human step either.
    const { humanStep: _omitted, ...withoutField } = filed;
    expect(provisioningUpdate(withoutField)?.humanStep).toBe(false);
  });
});

describe.each(ids)('devexMeasures on %s', databaseId => {
  it('measures time to first production deployment, self-service ratio and adoption', async () => {
    const knex = await databases.init(databaseId);
    const store = await KnexDevexStore.create({
      database: mockServices.database({ knex }),
    });
    await store.recordServiceCreation(
      creationFromTask({
        status: 'completed',
        completedAt: '2026-10-01T10:00:00Z',
        templateRef: 'template:default/node-service',
        output: { entityRef: 'component:default/new-api' },
      })!,
    );
    await store.recordServiceCreation({
      entityRef: 'component:default/newer-api',
      templateRef: 'template:default/node-service',
      createdAt: Date.parse('2026-10-05T00:00:00Z'),
      origin: 'catalog',
    });
    // a later catalog sighting must not overwrite the task's exact creation time
    await store.recordServiceCreation({
      entityRef: 'component:default/new-api',
      templateRef: 'template:default/node-service',
      createdAt: Date.parse('2026-10-09T00:00:00Z'),
      origin: 'catalog',
    });
    await store.ingest(
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
      1,
    );
    await store.recordProvisioningRequest(
      provisioningUpdate({ requestId: 'r1', state: 'ready' })!,
    );
    await store.recordProvisioningRequest(
      provisioningUpdate({ requestId: 'r2', state: 'awaiting-approval' })!,
    );
    await store.recordProvisioningRequest(
      provisioningUpdate({ requestId: 'r2', state: 'ready' })!,
    );
    await store.recordProvisioningRequest(
      provisioningUpdate({ requestId: 'r3', state: 'provisioning' })!,
    );

    const measures = await devexMeasures({ store, directory });
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
      store,
      directory,
      services: ['component:default/legacy'],
    });
    expect(scoped.timeToFirstDeployment.samples).toBe(0);
    expect(scoped.timeToFirstDeployment.medianHours).toBeNull();
    expect(scoped.templateAdoption.ratio).toBe(0);
  });
});
