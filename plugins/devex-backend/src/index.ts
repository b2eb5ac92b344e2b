/**
 * DevEx backend: DORA metrics and developer-experience measures from events.
 *
 * @packageDocumentation
 */
export { devexPlugin as default } from './plugin';
export type { DoraStore, ServiceScope, TimeWindow } from './database/DoraStore';
export type { IngestStore } from './database/IngestStore';
export type { SurveyStore } from './database/SurveyStore';
export type { PlatformMeasuresStore } from './database/PlatformMeasuresStore';
