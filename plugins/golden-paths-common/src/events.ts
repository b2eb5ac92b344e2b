import { z } from 'zod/v3';

/**
 * Topic of Backstage's events service on which Paved announces a service created by a golden
 * path, published once per finished task by the step that waits for the catalog
 * (`paved:catalog:wait`). DevEx (time to first deployment, adoption) and scorecards subscribe.
 */
export const SERVICE_CREATED_TOPIC = 'golden-paths.service-created';

const entityRef = (kind: string) =>
  z
    .string()
    .regex(
      new RegExp(
        `^${kind}:[a-z0-9][-a-z0-9_.]*/[A-Za-z0-9][-A-Za-z0-9_.]*$`,
        'i',
      ),
      `must be a full ${kind} entity ref such as ${kind}:default/name`,
    );

const rfc3339 = z.string().datetime({
  offset: true,
  message: 'must be an RFC 3339 timestamp with offset',
});

/** Payload of {@link SERVICE_CREATED_TOPIC}. */
export const serviceCreatedEventSchema = z.object({
  /** The new component, e.g. `component:default/payments-api`. */
  entityRef: entityRef('component'),
  /** The template it was made from. */
  templateRef: entityRef('template'),
  /** The template's version at creation (`paved.dev/template-version`), when it has one. */
  templateVersion: z.string().max(50).optional(),
  /** When the golden path created it (the task's own time, also written to `paved.dev/created-at`). */
  createdAt: rfc3339,
  /** Who clicked "Create": a user entity ref. */
  createdBy: z.string().min(1).max(255),
  /** The scaffolder task, so a retried task announces the same creation. */
  taskId: z.string().min(1).max(100),
});

export type ServiceCreatedEvent = z.infer<typeof serviceCreatedEventSchema>;
