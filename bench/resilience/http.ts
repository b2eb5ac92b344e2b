/* HTTP calls to a replica, with the status, body and latency the checks report on. */
import { sleep } from './wait';

export interface ApiResponse {
  status: number;
  body: any;
  ms: number;
  /** Set when no HTTP answer came: connection refused, reset, or the client's timeout. */
  networkError?: string;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<ApiResponse> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
        ...options.headers,
      },
      body:
        options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body, ms: performance.now() - started };
  } catch (error) {
    return {
      status: 0,
      body: undefined,
      ms: performance.now() - started,
      networkError: (error as Error).name === 'TimeoutError'
        ? 'timeout'
        : String((error as any).cause?.code ?? (error as Error).message),
    };
  }
}

/**
 * A development guest token (user:default/sam.rivera), as the frontend gets it. Sign-in resolves
 * the guest to that catalog user, so it is refused (403) until the catalog has loaded the example
 * organisation, seconds after start-up; a replica just started is given up to `waitMs` for that.
 */
export async function guestToken(baseUrl: string, waitMs = 0): Promise<string> {
  const started = Date.now();
  for (;;) {
    const res = await call(
      baseUrl,
      'GET',
      '/api/auth/guest/refresh?env=development',
      { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
    );
    const token = res.body?.backstageIdentity?.token;
    if (token) return token;
    if (res.status !== 403 || Date.now() - started >= waitMs) {
      throw new Error(`guest sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await sleep(2000);
  }
}
