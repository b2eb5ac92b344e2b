import type { DatabaseRequest } from './types';

/**
 * Entity ref of the catalog `Resource` for a request's database, in the owning group's namespace:
 * `<name>-<environment>`, or, when `qualified` (another team's earlier request holds that name),
 * `<team>-<name>-<environment>`. Entity names are at most 63 characters; an overlong qualified name
 * falls back to `<name>-<first 8 characters of the id>`.
 *
 * The backend fixes the ref when a request becomes ready and returns it as
 * `DatabaseRequest.resourceEntityRef`; prefer that field where it is present.
 */
export function databaseResourceEntityRef(
  request: Pick<DatabaseRequest, 'id' | 'owner' | 'name' | 'environment'>,
  options: { qualified?: boolean } = {},
): string {
  const [, namespace = 'default', team = 'team'] =
    /^[^:]+:([^/]+)\/(.+)$/.exec(request.owner) ?? [];
  let name = `${request.name}-${request.environment}`;
  if (options.qualified) {
    name = `${team}-${name}`;
    if (name.length > 63) {
      name = `${request.name
        .slice(0, 40)
        .replace(/-+$/, '')}-${request.id.slice(0, 8)}`;
    }
  }
  return `resource:${namespace}/${name.slice(0, 63).replace(/-+$/, '')}`;
}
