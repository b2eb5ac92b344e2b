import { z } from 'zod/v3';
import {
  DATABASE_REQUEST_STATUSES,
  ENVIRONMENTS,
  PROVIDER_ID_PATTERN,
} from './types';
import {
  DATABASE_OPERATION_STATUSES,
  DATABASE_OPERATION_TYPES,
} from './operations';

/**
 * Topic of Backstage's events service on which provisioning announces every state change of a
 * request (and, with the day-2 operations, of an operation). The catalog module of provisioned
 * Resources and DevEx (self-service ratio, success rate) subscribe.
 */
export const PROVISIONING_REQUEST_TOPIC = 'provisioning.request';

/** Annotation on a catalog entity linking it to the provisioning request that made it. */
export const ANNOTATION_PROVISIONING_REQUEST = 'paved.dev/provisioning-request';

/** Payload of {@link PROVISIONING_REQUEST_TOPIC}: one state change of one request. */
export const provisioningRequestEventSchema = z.object({
  requestId: z.string().min(1).max(100),
  /** The request's state after the change. */
  status: z.enum(DATABASE_REQUEST_STATUSES),
  /** What happened, e.g. `created`, `approved`, `provisioned`, `deleted`. */
  action: z.string().min(1).max(100),
  /** Who did it: a user entity ref, or `plugin:provisioning` for the backend's own processing. */
  actor: z.string().min(1).max(255),
  /** Owning group's entity ref. */
  owner: z.string().min(1).max(255),
  environment: z.enum(ENVIRONMENTS),
  /** Id of the provider that serves the request (a lowercase DNS label). */
  provider: z.string().regex(PROVIDER_ID_PATTERN, 'must be a provider id'),
  /** Who filed the request. */
  requestedBy: z.string().min(1).max(255),
  /**
   * True once a person other than the requester had to act for the request (an approval, a
   * rejection, a manual step): the request is then not self-service. Never turns false again.
   */
  humanStep: z.boolean(),
  /** Set when the change is one of an operation on the request's database (resize, restore, ...). */
  operation: z
    .object({
      id: z.string().min(1).max(100),
      type: z.enum(DATABASE_OPERATION_TYPES),
      status: z.enum(DATABASE_OPERATION_STATUSES),
    })
    .optional(),
  /** When the change happened, RFC 3339. */
  occurredAt: z.string().datetime({
    offset: true,
    message: 'must be an RFC 3339 timestamp with offset',
  }),
});

export type ProvisioningRequestEvent = z.infer<
  typeof provisioningRequestEventSchema
>;
