/**
 * Channels of Backstage's signals on which the provisioning backend tells open portal pages that
 * something changed, so they re-read instead of waiting for their next poll.
 */

/** One request's channel: its page and timeline. */
export function requestSignalChannel(requestId: string): string {
  return `provisioning:request:${requestId}`;
}

/**
 * Any change that may add to or take from someone's approvals inbox (a request or operation
 * waiting for approval, approved, rejected, cancelled): the inbox count in the sidebar.
 */
export const APPROVALS_SIGNAL_CHANNEL = 'provisioning:approvals';
