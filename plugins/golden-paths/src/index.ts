/**
 * Golden paths in the portal: lineage cards for catalog pages and the `ServiceName` form field.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
export { goldenPathsApiRef } from './api';
