/**
 * The scorecards frontend plugin: levels, checks, heat maps, campaigns and fixes in the portal.
 *
 * @packageDocumentation
 */
export { scorecardsPlugin as default } from './plugin';
export { scorecardsApiRef } from './api/ScorecardsApi';
export type { ScorecardsApi } from './api/ScorecardsApi';
export { ScorecardsClient } from './api/ScorecardsClient';
