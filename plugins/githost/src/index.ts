/**
 * The local git host's pages in the portal: `/git` (repositories), `/git/<name>` (branches,
 * files, README, merge requests, clone URL) and `/git/<name>/merge-requests/<id>` (diff, Merge).
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export { gitHostApiRef, type GitHostApi } from './api';
