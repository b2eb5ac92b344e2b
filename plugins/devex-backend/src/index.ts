/**
 * DevEx backend: DORA metrics and developer-experience measures from events.
 *
 * @packageDocumentation
 */
export { devexPlugin as default } from './plugin';
export type { DevexStore } from './database/DevexStore';
