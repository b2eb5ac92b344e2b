/**
 * Paved's local git host over HTTP (plugin id `githost`): Git smart HTTP for clones and pushes,
 * repositories to browse, merge requests.
 *
 * @packageDocumentation
 */
export { gitHostPlugin as default } from './plugin';
