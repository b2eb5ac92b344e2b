import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
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

/** The `z` an action's input schema is built with. */
export type Z = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** The `service` input of a scoped action: one component. */
export const serviceInput = (z: Z) =>
  z
    .string()
    .optional()
    .describe('Component entity ref, e.g. component:default/payments-api');

/** The `windowDays` input of an action over a window (devex answers at most three years). */
export const windowDaysInput = (z: Z) =>
  z
    .number()
    .int()
    .min(1)
    .max(1098)
    .default(90)
    .describe('How many days back from now');
