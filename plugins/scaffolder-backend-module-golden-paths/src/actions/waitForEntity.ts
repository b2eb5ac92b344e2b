import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatFieldPath } from '@paved/backend-platform';
import {
  ANNOTATION_CREATED_AT,
  SERVICE_CREATED_TOPIC,
  ServiceCreatedEvent,
  lineageOf,
  serviceCreatedEventSchema,
} from '@paved/plugin-golden-paths-common';
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
 *
 * Once the entity is there, and its lineage (`paved.dev/template`) names the template this task
 * runs, the golden path has created it: the step publishes {@link SERVICE_CREATED_TOPIC} with
 * the lineage read back from the catalog, so `createdAt` is exactly the entity's
 * `paved.dev/created-at`. The publication is a checkpoint, so a recovered task does not announce
 * the same creation twice.
 */
export function createWaitForEntityAction(options: {
  catalog: CatalogService;
  events: EventsService;
  /** Between two looks at the catalog; tests shorten it. */
  pollIntervalMs?: number;
}) {
  const { catalog, events, pollIntervalMs = 500 } = options;
  return createTemplateAction({
    id: 'paved:catalog:wait',
    description:
      'Waits until an entity is in the catalog (processed and stitched), for example right after catalog:register, and announces a component the running golden path created',
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
        const entity = await catalog.getEntityByRef(ref, { credentials });
        if (entity) {
          ctx.logger.info(`${ref} is in the catalog`);
          const creation = serviceCreatedEventOf({
            entityRef: ref,
            entity,
            runningTemplate: ctx.templateInfo?.entity?.metadata,
            userRef: ctx.user?.ref,
            taskId: ctx.task.id,
          });
          if (creation && 'problem' in creation) {
            ctx.logger.warn(
              `${ref} was created but not announced on ${SERVICE_CREATED_TOPIC}: ${creation.problem}`,
            );
          } else if (creation) {
            const { event } = creation;
            await ctx.checkpoint({
              key: `paved.service-created.${ref}`,
              fn: async () => {
                await events.publish({
                  topic: SERVICE_CREATED_TOPIC,
                  eventPayload: event,
                });
                return { ...event };
              },
            });
            ctx.logger.info(`Announced ${ref} on ${SERVICE_CREATED_TOPIC}`);
          }
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

/**
 * The service-created event for an entity this task's golden path made, `{ problem }` when it
 * cannot be described exactly (never guessed), or undefined when the entity's lineage names
 * another template (or none): then it was only waited for, not created here.
 */
export function serviceCreatedEventOf(options: {
  entityRef: string;
  entity: Entity;
  runningTemplate?: { name: string; namespace?: string };
  userRef?: string;
  taskId: string;
}): { event: ServiceCreatedEvent } | { problem: string } | undefined {
  const { entityRef, entity, runningTemplate } = options;
  const lineage = lineageOf(entity);
  if (!lineage || !runningTemplate) {
    return undefined;
  }
  const templateRef = stringifyEntityRef({
    kind: 'template',
    namespace: runningTemplate.namespace ?? 'default',
    name: runningTemplate.name,
  });
  if (
    lineage.templateRef.toLocaleLowerCase('en-US') !==
    templateRef.toLocaleLowerCase('en-US')
  ) {
    return undefined;
  }
  const parsed = serviceCreatedEventSchema.safeParse({
    entityRef,
    templateRef,
    templateVersion: lineage.version,
    createdAt: entity.metadata.annotations?.[ANNOTATION_CREATED_AT],
    createdBy: options.userRef,
    taskId: options.taskId,
  });
  if (!parsed.success) {
    return {
      problem: parsed.error.issues
        .map(issue => `${formatFieldPath(issue.path)}: ${issue.message}`)
        .join('; '),
    };
  }
  return { event: parsed.data };
}
