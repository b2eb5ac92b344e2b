/**
 * What Paved's backend plugins share: the platform-wide settings under `paved:` (one service),
 * one error format for bad input, and answers that stay good when the database goes away
 * (outages answered 503 with Retry-After instead of 500), and error bodies that tell nothing about
 * the machine outside development (no stack traces, no absolute paths).
 *
 * @packageDocumentation
 */
export {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';
export { isUniqueViolation } from './uniqueViolation';
export {
  errorBodiesWithoutInternals,
  withoutAbsolutePaths,
} from './errorBodies';
export {
  DEFAULT_PLATFORM_TEAM,
  findRepoRoot,
  normaliseGroupRef,
  platformSettingsServiceRef,
  readPlatformSettings,
} from './platformSettings';
export type { PlatformSettings } from './platformSettings';
export {
  formatFieldPath,
  formatViolation,
  violationsError,
  violationsFromZod,
} from './inputErrors';
export type { Violation } from './inputErrors';
export {
  nulCharacterGuard,
  nulCharacterViolations,
  pathsWithNulCharacter,
} from './nulCharacters';
export {
  openApiViolationsHandler,
  violationsFromOpenApi,
} from './openApiErrors';
export {
  actionCallsTo,
  actionUserAgent,
  callPluginAsCaller,
} from './actionRequests';
export type { PluginActionCall, PluginActionRequest } from './actionRequests';
