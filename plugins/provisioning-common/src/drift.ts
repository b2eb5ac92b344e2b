import { z } from 'zod/v3';

/**
 * Whether what a provider delivered still matches what Paved rendered from the approved request
 * (its size, storage and version after every approved operation):
 * - `in-sync`: it matches;
 * - `drifted`: it was changed outside Paved (an edit of the committed GitOps manifest or Terraform
 *   file, a hand-edited cluster object, or a deletion), so no approval covers it;
 * - `untracked`: the provider keeps no declared state to compare (e.g. the sandbox);
 * - `unknown`: the comparison could not be made now (`detail` says why), which is not `in-sync`.
 */
export const DATABASE_DRIFT_STATES = [
  'in-sync',
  'drifted',
  'untracked',
  'unknown',
] as const;

export type DatabaseDriftState = (typeof DATABASE_DRIFT_STATES)[number];

/** `GET /api/provisioning/requests/:id/drift`. */
export const databaseDriftSchema = z.object({
  requestId: z.string(),
  state: z.enum(DATABASE_DRIFT_STATES),
  /** One sentence: what differs, or why nothing can be said. */
  detail: z.string(),
  /** A unified diff from the approved rendering to what is there, when the provider has one. */
  diff: z.string().optional(),
  checkedAt: z.string().datetime({ offset: true }),
});

export type DatabaseDrift = z.infer<typeof databaseDriftSchema>;

/** Request statuses in which a provider has delivered something that can drift. */
export const DRIFT_CHECKED_STATUSES = ['provisioning', 'ready'] as const;
