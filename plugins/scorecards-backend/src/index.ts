/**
 * Scorecards backend: facts about every catalog entity, checks and levels, policies as code,
 * exemptions, campaigns and fixes. Modules contribute collectors and fixers through
 * `@paved/plugin-scorecards-node`.
 *
 * @packageDocumentation
 */
export { scorecardsPlugin as default } from './plugin';
