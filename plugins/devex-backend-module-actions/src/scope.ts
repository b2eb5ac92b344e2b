import { InputError } from '@backstage/errors';

export const PLUGIN_ID = 'devex';
const DAY_MS = 24 * 60 * 60 * 1000;

/** `service` or `team` (or neither, for the organisation) as devex's query parameters. */
export function scopeQuery(input: { service?: string; team?: string }) {
  if (input.service && input.team) {
    throw new InputError('service and team: give one of them, not both');
  }
  return { entityRef: input.service, group: input.team };
}

/** The window of the last `windowDays` days up to now, as devex's `from` and `to`. */
export function windowQuery(windowDays: number, now = Date.now()) {
  return {
    from: new Date(now - windowDays * DAY_MS).toISOString(),
    to: new Date(now).toISOString(),
  };
}
