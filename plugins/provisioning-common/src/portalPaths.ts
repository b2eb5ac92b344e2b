/**
 * Where the portal shows provisioning. The frontend plugin mounts its page and request route at
 * these paths; backends put them in links (notifications, catalog Resources, scaffolder outputs,
 * agent answers), so a link always opens the page the frontend serves.
 */

/** The databases page, the provisioning plugin's root route. */
export const PROVISIONING_PAGE_PATH = '/provisioning';

/** One request's page, below the databases page (the frontend's `requestRouteRef`). */
export const REQUEST_PAGE_SUBPATH = '/requests/:id';

/**
 * The path of a request's page, optionally opened at one of its operations, e.g.
 * `/provisioning/requests/<id>?operation=<operation id>`. Prefix the app's base URL for a link
 * outside the portal.
 */
export function requestPagePath(
  requestId: string,
  options: { operationId?: string } = {},
): string {
  const path = `${PROVISIONING_PAGE_PATH}${REQUEST_PAGE_SUBPATH.replace(
    ':id',
    encodeURIComponent(requestId),
  )}`;
  return options.operationId
    ? `${path}?operation=${encodeURIComponent(options.operationId)}`
    : path;
}
