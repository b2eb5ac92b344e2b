import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { DevexStore } from '../database/DevexStore';

export const SCAFFOLDER_TASK_TOPIC = 'scaffolder.task';
export const PROVISIONING_REQUEST_TOPIC = 'provisioning.request';

type Json = Record<string, any>;

const timeOf = (...values: unknown[]) => {
  for (const v of values) {
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    if (Number.isFinite(t)) return t;
  }
  return Date.now();
};

/**
 * Reads a finished golden-path task: `{ taskId, status, completedAt?, createdAt?,
 * templateRef? | spec.templateInfo.entityRef, output.entityRef }`.
 */
export function creationFromTask(payload: Json) {
  const status = payload?.status;
  const entityRef = payload?.output?.entityRef ?? payload?.entityRef;
  if ((status && status !== 'completed') || typeof entityRef !== 'string')
    return undefined;
  const templateRef =
    payload?.templateRef ?? payload?.spec?.templateInfo?.entityRef ?? null;
  return {
    entityRef,
    templateRef: typeof templateRef === 'string' ? templateRef : null,
    createdAt: timeOf(payload?.completedAt, payload?.createdAt),
    origin: 'scaffolder-task' as const,
  };
}

/**
 * Reads a provisioning state change: `{ requestId | id, state | status, humanStep?, actor?,
 * at? }`. Paved's provisioning backend says in `humanStep` whether the request needs a person
 * (an approval); that answer is taken as it is. For publishers that don't say, a request counts as
 * needing a person when it passes through an approval state, or when a user other than the one
 * who filed it moved it.
 */
export function provisioningUpdate(payload: Json) {
  const request = payload?.request ?? payload;
  const requestId = payload?.requestId ?? request?.id;
  const state =
    payload?.state ?? payload?.status ?? request?.state ?? request?.status;
  if (typeof requestId !== 'string' || typeof state !== 'string')
    return undefined;
  const actor = payload?.actor ?? payload?.actorRef;
  const requester = payload?.requestedBy ?? request?.requestedBy;
  const humanStep =
    typeof payload?.humanStep === 'boolean'
      ? payload.humanStep
      : /approv|manual/i.test(state) ||
        (typeof actor === 'string' &&
          actor.startsWith('user:') &&
          actor !== requester &&
          !/^(requested|created|pending)$/i.test(state));
  return {
    requestId,
    state: state.toLocaleLowerCase('en-US'),
    humanStep,
    updatedAt: timeOf(payload?.at, payload?.updatedAt, request?.updatedAt),
  };
}

/** Subscribes to the platform topics DevEx measures come from. */
export async function subscribeToPlatformTopics(options: {
  events: EventsService;
  store: DevexStore;
  logger: LoggerService;
}) {
  const { events, store, logger } = options;
  await events.subscribe({
    id: 'devex-platform-measures',
    topics: [SCAFFOLDER_TASK_TOPIC, PROVISIONING_REQUEST_TOPIC],
    async onEvent({ topic, eventPayload }) {
      try {
        if (topic === SCAFFOLDER_TASK_TOPIC) {
          const creation = creationFromTask(eventPayload as Json);
          if (creation) await store.recordServiceCreation(creation);
        } else {
          const update = provisioningUpdate(eventPayload as Json);
          if (update) await store.recordProvisioningRequest(update);
        }
      } catch (error) {
        logger.warn(`devex: could not record ${topic} event: ${error}`);
      }
    },
  });
}
