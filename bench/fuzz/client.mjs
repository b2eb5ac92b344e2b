/*
 * The fuzzer's HTTP client: raw control over method, path, headers and body bytes, and a small
 * JSON helper for the set-up step.
 */
import http from 'node:http';

export const REQUEST_TIMEOUT_MS = 120_000;

/** A client of the backend at `baseUrl` with at most `concurrency` connections. */
export function createClient({ baseUrl, concurrency }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const base = new URL(baseUrl);

  /** One HTTP exchange with raw control over path, headers and body bytes. */
  function send({ method, target, headers, bytes }) {
    // Node sends a GET or DELETE body without a length otherwise, which breaks the connection.
    const sentHeaders = bytes
      ? { ...headers, 'Content-Length': bytes.length }
      : headers;
    return new Promise(resolve => {
      let request;
      // The status, once the answer's head has arrived: a server that refuses a body before
      // reading it answers and closes, and the rest of the body then meets a closed connection.
      let answered;
      try {
        request = http.request(
          {
            host: base.hostname,
            port: base.port,
            method,
            path: target,
            headers: sentHeaders,
            agent,
          },
          response => {
            answered = response.statusCode;
            const chunks = [];
            response.on('data', chunk => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode,
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            response.on('error', error =>
              resolve({ status: 'reset', text: String(error) }),
            );
          },
        );
      } catch (error) {
        // Node refused to write it (e.g. a character not allowed in a path): not a server answer.
        resolve({ status: 'not-sent', text: error.code ?? String(error) });
        return;
      }
      request.setTimeout(REQUEST_TIMEOUT_MS, () =>
        request.destroy(new Error('timeout')),
      );
      request.on('error', error =>
        resolve({
          status:
            answered ?? (error.message === 'timeout' ? 'timeout' : 'reset'),
          text: String(error.code ?? error),
        }),
      );
      request.end(bytes);
    });
  }

  /** A JSON request with a bearer token; the answer's status, parsed body and text. */
  async function json(method, target, token, body) {
    const bytes =
      body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = {
      Accept: 'application/json',
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (bytes) headers['Content-Type'] = 'application/json';
    const response = await send({ method, target, headers, bytes });
    let parsed;
    try {
      parsed = JSON.parse(response.text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text: response.text };
  }

  async function isAlive() {
    const response = await send({
      method: 'GET',
      target: '/.backstage/health/v1/liveness',
      headers: {},
    });
    return response.status === 200;
  }

  return { send, json, isAlive, destroy: () => agent.destroy() };
}
