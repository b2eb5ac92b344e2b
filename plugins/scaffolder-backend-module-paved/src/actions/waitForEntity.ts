import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { setTimeout as sleep } from 'node:timers/promises';
import yaml from 'yaml';

export const waitForEntityExamples = [
  {
    description:
      'After catalog:register, finish only once the new component has a catalog page',
    example: yaml.stringify({
      steps: [
        {
          id: 'in-catalog',
          action: 'paved:catalog:wait',
          name: 'Wait for the catalog',
          input: { entityRef: 'component:default/payments-api' },
        },
      ],
    }),
  },
];

/**
 * `paved:catalog:wait`: `catalog:register` only adds a location; the catalog processes it a moment
 * later. Waiting here means the task's "Open in catalog" link never leads to "Entity not found".
 */
export function createWaitForEntityAction(options: {
  catalog: CatalogService;
  /** Between two looks at the catalog; tests shorten it. */
  pollIntervalMs?: number;
}) {
  const { catalog, pollIntervalMs = 500 } = options;
  return createTemplateAction({
    id: 'paved:catalog:wait',
    description:
      'Waits until an entity is in the catalog (processed and stitched), for example right after catalog:register',
    examples: waitForEntityExamples,
    // A dry run registers nothing, so there is nothing to wait for: the scaffolder skips this step.
    supportsDryRun: false,
    schema: {
      input: {
        entityRef: z =>
          z.string({ description: 'The entity to wait for, as a full ref' }),
        timeoutSeconds: z =>
          z
            .number({ description: 'How long to wait before failing' })
            .int()
            .min(1)
            .max(600)
            .default(120),
      },
    },
    async handler(ctx) {
      const { entityRef, timeoutSeconds } = ctx.input;
      let ref: string;
      try {
        ref = stringifyEntityRef(parseEntityRef(entityRef));
      } catch (error) {
        throw new InputError(
          `entityRef must be a full entity ref such as component:default/payments-api: ${error}`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const deadline = Date.now() + timeoutSeconds * 1000;
      for (;;) {
        if (await catalog.getEntityByRef(ref, { credentials })) {
          ctx.logger.info(`${ref} is in the catalog`);
          return;
        }
        if (Date.now() >= deadline) break;
        // A cancelled task aborts the wait.
        await sleep(pollIntervalMs, undefined, { signal: ctx.signal });
      }
      throw new Error(
        `${ref} was not in the catalog after ${timeoutSeconds} s; the catalog may still be processing it, or its catalog-info.yaml failed to process (see the catalog's unprocessed entities)`,
      );
    },
  });
}
