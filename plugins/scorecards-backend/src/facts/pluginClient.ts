import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';

/**
 * GETs JSON from another Paved plugin's HTTP API as this plugin (a service token), the only way
 * scorecards reads other plugins' data. Throws with the status and the start of the body.
 */
export async function getFromPlugin<T>(
  deps: { discovery: DiscoveryService; auth: AuthService },
  pluginId: string,
  pathAndQuery: string,
): Promise<T> {
  const base = await deps.discovery.getBaseUrl(pluginId);
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: pluginId,
  });
  const response = await fetch(`${base}${pathAndQuery}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    const body = (await response.text()).slice(0, 200);
    throw new Error(
      `${pluginId} answered ${response.status} ${response.statusText}: ${body}`,
    );
  }
  return (await response.json()) as T;
}
