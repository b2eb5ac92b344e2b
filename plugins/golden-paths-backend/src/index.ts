/**
 * Paved's golden paths backend (plugin id `golden-paths`): the service-name check over HTTP.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
