/**
 * Contracts of the scorecards plugin family: facts, checks and their evaluation, scorecards and
 * levels, exemptions, campaigns, fixes, policy violations, permissions, and the HTTP responses.
 * The frontend, the backend and other plugins (through `@paved/plugin-scorecards-node`) share them.
 *
 * @packageDocumentation
 */
export * from './facts';
export * from './checks';
export * from './scorecards';
export * from './exemptions';
export * from './campaigns';
export * from './fixes';
export * from './policy';
export * from './permissions';
export * from './api';
