/** The audit trail of requests; an operation's entries carry its id. */
export const HISTORY = 'provisioning_request_events';

/** An entry on the trail that changes no status: who did what, and why. */
export interface HistoryEntry {
  actor: string;
  action: string;
  message?: string;
}

/** A row of the trail: of a request, or (with `operationId`) of an operation on its database. */
export function historyRow(entry: {
  requestId: string;
  operationId?: string;
  actor: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  message?: string | null;
}): Record<string, unknown> {
  return {
    request_id: entry.requestId,
    ...(entry.operationId !== undefined
      ? { operation_id: entry.operationId }
      : {}),
    actor: entry.actor,
    action: entry.action,
    from_status: entry.fromStatus ?? null,
    to_status: entry.toStatus ?? null,
    message: entry.message ?? null,
  };
}
