import { z } from 'zod/v3';
import { mergeRequestSchema } from './mergeRequests';

/**
 * Topic of Backstage's events service on which the git host announces each change of a merge
 * request: opened, merged, closed. Golden paths update a component's template version when its
 * upgrade merges; scorecards re-check a component when a fix merges.
 */
export const GITHOST_MERGE_REQUEST_TOPIC = 'githost.merge-request';

/** Payload of {@link GITHOST_MERGE_REQUEST_TOPIC}. */
export const mergeRequestEventSchema = z.object({
  /** What happened. */
  action: z.enum(['opened', 'merged', 'closed']),
  /** The merge request after the change. */
  mergeRequest: mergeRequestSchema,
  /** Who did it: a user entity ref, or `plugin:<id>`. */
  actor: z.string().min(1),
  /**
   * Catalog entities defined in the repository (by `backstage.io/managed-by-location`) when the
   * change happened, as full lower-case refs; empty when the catalog knows none.
   */
  entityRefs: z.array(z.string()),
  /** When it happened. */
  occurredAt: z.string().datetime({ offset: true }),
});

export type MergeRequestEvent = z.infer<typeof mergeRequestEventSchema>;
