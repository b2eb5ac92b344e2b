import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  SERVICE_CREATED_TOPIC,
  serviceCreatedEventSchema,
} from '@paved/plugin-golden-paths-common';
import {
  PROVISIONING_REQUEST_TOPIC,
  provisioningRequestEventSchema,
} from '@paved/plugin-provisioning-common';
import { violationsFromZod, formatViolation } from '@paved/backend-platform';
import type { ZodIssue } from 'zod/v3';
import {
  PlatformMeasuresStore,
  ProvisioningActorKind,
} from '../database/PlatformMeasuresStore';

/**
 * Distinct reasons a payload was refused are logged once each: a publisher with a bug sends the
 * same wrong shape on every change, and one line says all there is to say. Bounded, so a flood
 * of different wrong payloads cannot grow memory.
 */
export class RefusedPayloadLog {
  private readonly seen = new Set<string>();

  constructor(
    private readonly logger: LoggerService,
    private readonly limit = 100,
  ) {}

  refused(topic: string, issues: ZodIssue[]) {
    const reason = violationsFromZod(issues).map(formatViolation).join('; ');
    const key = `${topic} ${reason}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= this.limit) {
      this.seen.delete(this.seen.values().next().value!);
    }
    this.seen.add(key);
    this.logger.warn(
      `devex: ignored a ${topic} event that does not match its contract: ${reason} (further events with this problem are ignored silently)`,
    );
  }
}

/**
 * Who acted on a provisioning request: `plugin:provisioning` (or any non-user principal) is the
 * platform acting by itself; the requester acting is self-service; anyone else is manual work.
 */
export function provisioningActorKind(
  actor: string,
  requestedBy: string,
): ProvisioningActorKind {
  const person = (ref: string) => ref.toLocaleLowerCase('en-US');
  if (!person(actor).startsWith('user:')) return 'platform';
  return person(actor) === person(requestedBy) ? 'requester' : 'person';
}

/**
 * Subscribes to the platform's own events: services created by golden paths (time to first
 * deployment) and provisioning requests (self-service ratio). Payloads are parsed with the
 * publishers' schemas from their `-common` packages; one that does not match is refused, never
 * guessed at.
 */
export async function subscribeToPlatformTopics(options: {
  events: EventsService;
  measures: PlatformMeasuresStore;
  logger: LoggerService;
}) {
  const { events, measures, logger } = options;
  const refusals = new RefusedPayloadLog(logger);
  await events.subscribe({
    id: 'devex-platform-measures',
    topics: [SERVICE_CREATED_TOPIC, PROVISIONING_REQUEST_TOPIC],
    async onEvent({ topic, eventPayload }) {
      if (topic === SERVICE_CREATED_TOPIC) {
        const parsed = serviceCreatedEventSchema.safeParse(eventPayload);
        if (!parsed.success) {
          refusals.refused(topic, parsed.error.issues);
          return;
        }
        await measures.recordServiceCreation({
          entityRef: parsed.data.entityRef,
          templateRef: parsed.data.templateRef,
          templateVersion: parsed.data.templateVersion ?? null,
          createdAt: Date.parse(parsed.data.createdAt),
          origin: 'golden-path',
        });
      } else if (topic === PROVISIONING_REQUEST_TOPIC) {
        const parsed = provisioningRequestEventSchema.safeParse(eventPayload);
        if (!parsed.success) {
          refusals.refused(topic, parsed.error.issues);
          return;
        }
        await measures.recordProvisioningRequest({
          requestId: parsed.data.requestId,
          status: parsed.data.status,
          humanStep: parsed.data.humanStep,
          occurredAt: Date.parse(parsed.data.occurredAt),
          action: {
            name: parsed.data.action,
            actorKind: provisioningActorKind(
              parsed.data.actor,
              parsed.data.requestedBy,
            ),
          },
        });
      }
    },
  });
}
