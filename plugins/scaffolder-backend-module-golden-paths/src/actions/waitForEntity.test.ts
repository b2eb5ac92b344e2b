import { CatalogService } from '@backstage/plugin-catalog-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  SERVICE_CREATED_TOPIC,
} from '@paved/plugin-golden-paths-common';
import yaml from 'yaml';
import {
  createWaitForEntityAction,
  waitForEntityExamples,
} from './waitForEntity';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'payments' },
};

// A catalog that has the entity only from the `appearsOnLook`-th look on.
function catalogWhere(appearsOnLook: number, entity: Entity = component) {
  let looks = 0;
  const getEntityByRef = jest.fn(
    async (_ref: string): Promise<Entity | undefined> => {
      looks += 1;
      return looks >= appearsOnLook ? entity : undefined;
    },
  );
  return { getEntityByRef } as unknown as CatalogService & {
    getEntityByRef: typeof getEntityByRef;
  };
}

const exampleInput = () =>
  yaml.parse(waitForEntityExamples[0].example).steps[0].input;

describe('paved:catalog:wait', () => {
  it('returns once the entity is in the catalog', async () => {
    const catalog = catalogWhere(3);
    const action = createWaitForEntityAction({
      catalog,
      events: mockServices.events.mock(),
      pollIntervalMs: 10,
    });
    await action.handler(
      createMockActionContext({
        input: { ...exampleInput(), timeoutSeconds: 5 },
      }),
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    expect(catalog.getEntityByRef.mock.calls[0][0]).toBe(
      'component:default/payments-api',
    );
  });

  it('fails with a clear message when the entity never appears', async () => {
    const catalog = catalogWhere(Infinity);
    const action = createWaitForEntityAction({
      catalog,
      events: mockServices.events.mock(),
      pollIntervalMs: 50,
    });
    await expect(
      action.handler(
        createMockActionContext({
          input: {
            entityRef: 'component:default/payments-api',
            timeoutSeconds: 1,
          },
        }),
      ),
    ).rejects.toThrow(
      'component:default/payments-api was not in the catalog after 1 s',
    );
    expect(catalog.getEntityByRef.mock.calls.length).toBeGreaterThan(1);
  });

  it('refuses a ref that is not one', async () => {
    const catalog = catalogWhere(1);
    const action = createWaitForEntityAction({
      catalog,
      events: mockServices.events.mock(),
    });
    await expect(
      action.handler(
        createMockActionContext({
          input: { entityRef: '', timeoutSeconds: 1 },
        }),
      ),
    ).rejects.toThrow(/entityRef must be a full entity ref/);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });

  describe('announcing a created service', () => {
    const created: Entity = {
      ...component,
      metadata: {
        name: 'payments-api',
        annotations: {
          [ANNOTATION_TEMPLATE]: 'template:default/typescript-service',
          [ANNOTATION_TEMPLATE_VERSION]: '1.0.0',
          [ANNOTATION_CREATED_AT]: '2026-12-07T10:00:00.000Z',
        },
      },
    };
    const run = async (entity: Entity, templateName = 'typescript-service') => {
      const events = mockServices.events.mock();
      const ctx = createMockActionContext({
        input: {
          entityRef: 'component:default/payments-api',
          timeoutSeconds: 5,
        },
        task: { id: 'task-42' },
        user: { ref: 'user:default/sam.rivera' },
        templateInfo: {
          entityRef: `template:default/${templateName}`,
          entity: { metadata: { name: templateName } },
        } as any,
      });
      const checkpoint = jest.spyOn(ctx, 'checkpoint');
      const warn = jest.spyOn(ctx.logger, 'warn');
      await createWaitForEntityAction({
        catalog: catalogWhere(1, entity),
        events,
      }).handler(ctx);
      return { events, checkpoint, warn };
    };

    it('publishes the creation once, with the lineage the catalog holds', async () => {
      const { events, checkpoint } = await run(created);
      expect(events.publish).toHaveBeenCalledTimes(1);
      expect(events.publish).toHaveBeenCalledWith({
        topic: SERVICE_CREATED_TOPIC,
        eventPayload: {
          entityRef: 'component:default/payments-api',
          templateRef: 'template:default/typescript-service',
          templateVersion: '1.0.0',
          createdAt: '2026-12-07T10:00:00.000Z',
          createdBy: 'user:default/sam.rivera',
          taskId: 'task-42',
        },
      });
      // Inside a checkpoint: a recovered task replays the stored result instead of publishing.
      expect(checkpoint).toHaveBeenCalledWith(
        expect.objectContaining({
          key: 'paved.service-created.component:default/payments-api',
        }),
      );
    });

    it('stays silent for an entity another template made, or none', async () => {
      expect(
        (await run(created, 'go-service')).events.publish,
      ).not.toHaveBeenCalled();
      expect((await run(component)).events.publish).not.toHaveBeenCalled();
    });

    it('logs, and never guesses, when the creation time is missing', async () => {
      const { events, warn } = await run({
        ...created,
        metadata: {
          name: 'payments-api',
          annotations: {
            [ANNOTATION_TEMPLATE]: 'template:default/typescript-service',
          },
        },
      });
      expect(events.publish).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /not announced on golden-paths.service-created: createdAt: /,
        ),
      );
    });
  });
});
