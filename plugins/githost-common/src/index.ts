/**
 * The contracts of Paved's local git host that other packages use: repository and branch names,
 * the URLs of repositories (clone, portal page), merge requests and the event announcing their
 * changes, and the permission to push.
 *
 * @packageDocumentation
 */
export * from './repositories';
export * from './mergeRequests';
export * from './events';
export * from './permissions';
export type {
  paths as GitHostOpenApiPaths,
  components as GitHostOpenApiComponents,
} from './schema/openapi.generated';
