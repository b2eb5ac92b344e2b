import { CatalogService } from '@backstage/plugin-catalog-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Entity } from '@backstage/catalog-model';
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
function catalogWhere(appearsOnLook: number) {
  let looks = 0;
  const getEntityByRef = jest.fn(
    async (_ref: string): Promise<Entity | undefined> => {
      looks += 1;
      return looks >= appearsOnLook ? component : undefined;
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
    const action = createWaitForEntityAction({ catalog, pollIntervalMs: 10 });
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
    const action = createWaitForEntityAction({ catalog, pollIntervalMs: 50 });
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
    const action = createWaitForEntityAction({ catalog });
    await expect(
      action.handler(
        createMockActionContext({
          input: { entityRef: '', timeoutSeconds: 1 },
        }),
      ),
    ).rejects.toThrow(/entityRef must be a full entity ref/);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });
});
