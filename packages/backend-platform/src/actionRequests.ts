import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * The `User-Agent` of requests an action makes for its caller. Auditor entries record it as
 * `actor.userAgent`, which is how the portal's audit log tells that a request came through the
 * Actions Registry (the MCP server that agents use). It is a label for people reading the log,
 * not a security boundary: permissions and approvals never look at it, and any client can send it.
 */
export function actionUserAgent(actionId: string): string {
  return `paved-actions-registry (agent action ${actionId})`;
}

/** What an action asks of its plugin's HTTP API. */
export interface PluginActionRequest {
  /** The action's id (`<pluginId>:<name>`), recorded in the audit log through the User-Agent. */
  actionId: string;
  /** The plugin whose API answers, e.g. `provisioning`. */
  pluginId: string;
  /** Path under the plugin's base URL, starting with `/`. */
  path: string;
  method?: 'GET' | 'POST';
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that are answers rather than errors (e.g. 404 for "does it exist?"). */
  accept?: number[];
}

function errorMessage(text: string, status: number): string {
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not Backstage's error body
  }
  return text.trim().slice(0, 500) || `HTTP ${status}`;
}

/**
 * Calls a plugin's own HTTP API as the caller of an action: with a token issued on behalf of the
 * caller's credentials (`auth.getPluginRequestToken({ onBehalfOf })`), so the route's
 * authentication, permission checks, guardrails, approvals and audit entries are exactly the
 * portal's. Errors keep the route's message and kind (400 → InputError, 403 → NotAllowedError,
 * 404 → NotFoundError, 409 → ConflictError), so an agent reads what a person would.
 */
export async function callPluginAsCaller<T>(
  deps: { auth: AuthService; discovery: DiscoveryService },
  credentials: BackstageCredentials,
  request: PluginActionRequest,
): Promise<{ status: number; body: T }> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: request.pluginId,
  });
  const url = new URL(
    `${await deps.discovery.getBaseUrl(request.pluginId)}${request.path}`,
  );
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url, {
    method: request.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      'User-Agent': actionUserAgent(request.actionId),
      ...(request.body !== undefined
        ? { 'Content-Type': 'application/json' }
        : {}),
      ...request.headers,
    },
    body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
  });
  const text = await response.text();
  if (response.ok || request.accept?.includes(response.status)) {
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }
  const message = errorMessage(text, response.status);
  switch (response.status) {
    case 400:
      throw new InputError(message);
    case 401:
    case 403:
      throw new NotAllowedError(message);
    case 404:
      throw new NotFoundError(message);
    case 409:
      throw new ConflictError(message);
    case 503:
      throw new ServiceUnavailableError(message);
    default:
      throw new Error(
        `${request.pluginId} answered HTTP ${response.status}: ${message}`,
      );
  }
}

/**
 * An action's call of its plugin's HTTP API as the action's caller: `action` is the name the
 * action is registered under, `request` what it asks of the API.
 */
export type PluginActionCall = <T>(
  credentials: BackstageCredentials,
  action: string,
  request: Omit<PluginActionRequest, 'actionId' | 'pluginId'>,
) => Promise<{ status: number; body: T }>;

/**
 * {@link callPluginAsCaller} for the actions of one plugin, so an action names only itself: its
 * id in the audit log is `<pluginId>:<action>`.
 */
export function actionCallsTo(
  pluginId: string,
  deps: { auth: AuthService; discovery: DiscoveryService },
): PluginActionCall {
  return <T>(
    credentials: BackstageCredentials,
    action: string,
    request: Omit<PluginActionRequest, 'actionId' | 'pluginId'>,
  ) =>
    callPluginAsCaller<T>(deps, credentials, {
      ...request,
      actionId: `${pluginId}:${action}`,
      pluginId,
    });
}
