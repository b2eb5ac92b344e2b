import { z } from 'zod/v3';
import { personSchema } from './onboarding';

/** Most events one `POST /events` call may carry. */
export const MAX_EVENTS_PER_BATCH = 5000;

/** The source that marks seeded demo data, so the UI can label it. */
export const DEMO_SOURCE = 'paved-demo';

/** Deployment environments that count for DORA. Other environments are stored but ignored. */
export const PRODUCTION_ENVIRONMENT = 'production';

// RFC 3339 with an explicit offset ("Z" or "+02:00"): a local time without offset is ambiguous.
const timestamp = z.string({ required_error: 'is required' }).datetime({
  offset: true,
  message: 'must be an RFC 3339 timestamp with offset',
});

const identifier = z
  .string({ required_error: 'is required' })
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** A commit shipped by a deployment. */
export const commitSchema = z.object({
  sha: z
    .string({ required_error: 'is required' })
    .regex(/^[0-9a-fA-F]{7,64}$/, 'must be a hexadecimal commit sha'),
  committedAt: timestamp,
});

/** @public */
export const deploymentKinds = ['normal', 'rollback', 'hotfix'] as const;
/** @public */
export type DeploymentKind = (typeof deploymentKinds)[number];

/** @public */
export const deploymentDataSchema = z.object({
  environment: z
    .string({ required_error: 'is required' })
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters'),
  status: z.enum(['success', 'failed'], {
    errorMap: () => ({ message: 'must be "success" or "failed"' }),
  }),
  finishedAt: timestamp,
  startedAt: timestamp.optional(),
  commits: z
    .array(commitSchema, { required_error: 'is required' })
    .max(1000, 'must have at most 1000 commits'),
  kind: z
    .enum(deploymentKinds, {
      errorMap: () => ({ message: 'must be "normal", "rollback" or "hotfix"' }),
    })
    .optional(),
  remediates: identifier.optional(),
  /**
   * Who started the deployment: a user entity ref or a login (see `personSchema`). Their first
   * successful production deployment is an onboarding milestone.
   */
  triggeredBy: personSchema.optional(),
});

/** @public */
export const incidentDataSchema = z.object({
  startedAt: timestamp,
  resolvedAt: timestamp.optional(),
  deploymentId: identifier.optional(),
  severity: z.string().max(50, 'must be at most 50 characters').optional(),
});

/** Most lines a change may add or delete (a sanity bound, far above any reviewable change). */
const MAX_CHANGED_LINES = 100_000_000;

const changedLines = z
  .number({ invalid_type_error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must not be negative')
  .max(MAX_CHANGED_LINES, `must be at most ${MAX_CHANGED_LINES}`);

/**
 * A change (pull request, merge request) on its way to production. Times the change has not
 * reached yet are left out; a re-send with the same (`source`, `id`) replaces the change.
 * @public
 */
export const changeDataSchema = z.object({
  /** When the change was opened for review. */
  openedAt: timestamp,
  /** The earliest commit of the change (the start of coding). */
  firstCommitAt: timestamp.optional(),
  /** The first review by someone other than the author. */
  firstReviewAt: timestamp.optional(),
  /** The first approval. */
  approvedAt: timestamp.optional(),
  /** When it was merged; unmerged changes are open (or abandoned once closed). */
  mergedAt: timestamp.optional(),
  /** Closed without being merged (abandoned): no longer open. */
  closedAt: timestamp.optional(),
  /** The merge commit, which the first successful production deployment listing it ships. */
  mergeCommit: z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/, 'must be a hexadecimal commit sha')
    .optional(),
  additions: changedLines.optional(),
  deletions: changedLines.optional(),
  /**
   * Who wrote the change: a user entity ref or a login (see `personSchema`). Their first merged
   * change is an onboarding milestone.
   */
  author: personSchema.optional(),
});

/**
 * A pulse survey answer, as the signed-in user sends it to `POST /surveys`. Survey answers are
 * not events: who answered comes from the sign-in, never from the body.
 * @public
 */
export const surveyAnswerSchema = z
  .object({
    score: z
      .number({
        required_error: 'is required',
        invalid_type_error: 'must be a number',
      })
      .int('must be an integer')
      .min(0, 'must be between 0 and 10')
      .max(10, 'must be between 0 and 10'),
    comment: z.string().max(2000, 'must be at most 2000 characters').optional(),
  })
  .strict();

const subject = z
  .string({ required_error: 'is required' })
  .regex(
    /^[a-z0-9-_.]+:[a-z0-9-_.]+\/[a-z0-9-_.]+$/i,
    'must be a full entity ref such as component:default/payments-api',
  );

const envelope = {
  id: identifier,
  source: identifier,
  subject,
};

/** One event of `POST /events`; (`source`, `id`) is its identity. */
export const devexEventSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      ...envelope,
      type: z.literal('deployment'),
      data: deploymentDataSchema,
    }),
    z.object({
      ...envelope,
      type: z.literal('incident'),
      data: incidentDataSchema,
    }),
    z.object({
      ...envelope,
      type: z.literal('change'),
      data: changeDataSchema,
    }),
  ],
  {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_union_discriminator'
        ? { message: 'must be "deployment", "incident" or "change"' }
        : { message: ctx.defaultError },
  },
);

/** @public */
export const eventBatchSchema = z.object({
  events: z
    .array(devexEventSchema, { required_error: 'is required' })
    .min(1, 'must contain at least one event')
    .max(
      MAX_EVENTS_PER_BATCH,
      `must contain at most ${MAX_EVENTS_PER_BATCH} events`,
    ),
});

/** @public */
export type DeploymentEventData = z.infer<typeof deploymentDataSchema>;
/** @public */
export type IncidentEventData = z.infer<typeof incidentDataSchema>;
/** @public */
export type ChangeEventData = z.infer<typeof changeDataSchema>;
/** @public */
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
/** @public */
export type DevexEvent = z.infer<typeof devexEventSchema>;
/** @public */
export type DeploymentEvent = Extract<DevexEvent, { type: 'deployment' }>;
/** @public */
export type IncidentEvent = Extract<DevexEvent, { type: 'incident' }>;
/** @public */
export type ChangeEvent = Extract<DevexEvent, { type: 'change' }>;

/**
 * Renders a zod issue path as `events[3].data.commits[0].sha` so a client can find the culprit.
 * @public
 */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
