import type { DatabaseRequestStatus } from './types';

/**
 * Every allowed transition of a request. The backend enforces this table in one place (its
 * store's `transition`), so no code path can skip approval or resurrect a deleted request.
 *
 * `deprovisioning` ends in `deleted` when an owner deleted the request and in `expired` when an
 * ephemeral database reached its time to live.
 */
export const DATABASE_REQUEST_TRANSITIONS: Readonly<
  Record<DatabaseRequestStatus, readonly DatabaseRequestStatus[]>
> = {
  'awaiting-approval': ['provisioning', 'rejected', 'deleted', 'expired'],
  provisioning: ['ready', 'failed', 'deprovisioning'],
  ready: ['deprovisioning'],
  // A failed request may hold half-created infrastructure, so deleting it deprovisions.
  failed: ['deprovisioning'],
  rejected: [],
  deprovisioning: ['deleted', 'expired', 'failed'],
  deleted: [],
  expired: [],
};

/** States in which nothing will happen to a request any more. */
export const FINAL_DATABASE_REQUEST_STATUSES: readonly DatabaseRequestStatus[] =
  ['rejected', 'deleted', 'expired'];

/** States whose requests count against a team's quota (they hold, or are about to hold, a database). */
export const QUOTA_COUNTED_STATUSES: readonly DatabaseRequestStatus[] = [
  'awaiting-approval',
  'provisioning',
  'ready',
  'failed',
  'deprovisioning',
];

export function canTransition(
  from: DatabaseRequestStatus,
  to: DatabaseRequestStatus,
): boolean {
  return DATABASE_REQUEST_TRANSITIONS[from].includes(to);
}

export function isFinalStatus(status: DatabaseRequestStatus): boolean {
  return FINAL_DATABASE_REQUEST_STATUSES.includes(status);
}
