import { CliError, EXIT_BAD_INPUT, EXIT_FAILED, notSignedIn } from '../errors';
import { Session } from '../session/Session';
import { isError, type ResponseError } from '@backstage/errors';

export interface PortalRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that are answers, not errors (e.g. 404 when asking whether something exists). */
  accept?: number[];
}

export interface PortalResponse<T> {
  status: number;
  body: T;
}

/** The message of Backstage's error body, `{ error: { name, message } }`, or the raw text. */
function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text);
    const message = parsed?.error?.message;
    if (typeof message === 'string' && message) {
      return message;
    }
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.trim().slice(0, 500) || '(no message)';
}

/**
 * The portal's HTTP APIs with the session's token: `/api/<pluginId>/<path>`. The portal's
 * answers become the CLI's errors without rewording, so a guardrail's 400 reads the same as in
 * the portal (`size: "large" is not allowed in development … (rule: …)`).
 */
export class PortalClient {
  constructor(readonly session: Session) {}

  get url(): string {
    return this.session.url;
  }

  async request<T>(
    pluginId: string,
    path: string,
    request: PortalRequest = {},
  ): Promise<PortalResponse<T>> {
    const url = new URL(`${this.session.url}/api/${pluginId}${path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    let response = await this.send(url, request, await this.session.token());
    if (response.status === 401 && this.session.source !== 'PLATFORM_TOKEN') {
      // The stored token may have been revoked or the portal's keys rotated: renew once.
      await this.session.forgetToken();
      response = await this.send(url, request, await this.session.token());
    }
    const text = await response.text();
    if (response.ok || request.accept?.includes(response.status)) {
      return {
        status: response.status,
        body: (text ? JSON.parse(text) : undefined) as T,
      };
    }
    return this.throwFor(response.status, text);
  }

  private async throwFor(status: number, text: string): Promise<never> {
    const message = errorMessage(text);
    switch (status) {
      case 401:
        throw notSignedIn(this.session.url);
      case 400:
        throw new CliError(message, EXIT_BAD_INPUT);
      case 403:
        throw new CliError(`Not allowed: ${message}`, EXIT_FAILED);
      default:
        throw new CliError(
          status >= 500
            ? `The portal failed (HTTP ${status}): ${message}`
            : message,
          EXIT_FAILED,
        );
    }
  }

  /**
   * Opens a server-sent event stream (`text/event-stream`) and returns its body; errors as for
   * `request`.
   */
  async openEventStream(
    pluginId: string,
    path: string,
    query?: PortalRequest['query'],
  ): Promise<ReadableStream<Uint8Array>> {
    const url = new URL(`${this.session.url}/api/${pluginId}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const request = { headers: { Accept: 'text/event-stream' } };
    const response = await this.send(url, request, await this.session.token());
    if (!response.ok || !response.body) {
      await this.throwFor(response.status, await response.text());
    }
    return response.body!;
  }

  /**
   * `discoveryApi` and `fetchApi` for Backstage-style clients (e.g. `GoldenPathsClient` from a
   * `-common` package): base URLs under the portal, requests with the session's token.
   */
  clientOptions() {
    return {
      discoveryApi: {
        getBaseUrl: async (pluginId: string) =>
          `${this.session.url}/api/${pluginId}`,
      },
      fetchApi: {
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${await this.session.token()}`);
          headers.set('User-Agent', 'paved-cli');
          return fetch(input, { ...init, headers });
        },
      },
    };
  }

  /** Runs a client call, turning its `ResponseError` into the CLI's errors (401 → sign in). */
  async viaClient<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isError(error) && error.name === 'ResponseError') {
        const { statusCode, body } = error as unknown as ResponseError;
        return this.throwFor(statusCode, JSON.stringify(body));
      }
      throw error;
    }
  }

  async get<T>(
    pluginId: string,
    path: string,
    query?: PortalRequest['query'],
  ): Promise<T> {
    return (await this.request<T>(pluginId, path, { query })).body;
  }

  private async send(
    url: URL,
    request: PortalRequest,
    token: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      // Marks requests that come from the CLI in the portal's request logs (a label, not a check).
      'User-Agent': `paved-cli`,
      Authorization: `Bearer ${token}`,
      ...request.headers,
    };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    try {
      return await fetch(url, {
        method: request.method ?? 'GET',
        headers,
        body:
          request.body !== undefined ? JSON.stringify(request.body) : undefined,
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new CliError(
        `Cannot reach the portal at ${this.session.url}${
          cause ? ` (${cause})` : ''
        }: ${(error as Error).message}`,
      );
    }
  }
}
