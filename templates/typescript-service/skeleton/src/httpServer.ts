import http from 'node:http';
import { Logger } from './logger';
import { Metrics } from './metrics';
import { ReadinessCheck, checkReadiness } from './readiness';
{%- if values.api == 'http' %}
import { greet } from './greeting';
{%- endif %}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The HTTP server: probes and metrics for the platform{% if values.api == 'http' %}, and the service's API{% endif %}.
 * Plain node:http keeps the runtime image small; swap in a framework when routes multiply.
 */
export function createHttpServer(options: {
  logger: Logger;
  metrics: Metrics;
  readinessChecks: ReadinessCheck[];
}): http.Server {
  const { logger, metrics, readinessChecks } = options;

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<string> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return '/healthz';
    }
    if (req.method === 'GET' && url.pathname === '/readyz') {
      const report = await checkReadiness(readinessChecks);
      sendJson(res, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'not ready',
        checks: report.checks,
      });
      return '/readyz';
    }
    if (req.method === 'GET' && url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return '/metrics';
    }
{%- if values.api == 'http' %}
    if (req.method === 'GET' && url.pathname === '/v1/hello') {
      try {
        sendJson(res, 200, { message: greet(url.searchParams.get('name') ?? undefined) });
      } catch (error) {
        sendJson(res, 400, { error: (error as Error).message });
      }
      return '/v1/hello';
    }
{%- endif %}
    sendJson(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
    // One label for every unknown path keeps the metric's cardinality bounded.
    return 'unmatched';
  }

  return http.createServer((req, res) => {
    const endTimer = metrics.duration.startTimer({ method: req.method });
    route(req, res)
      .catch(error => {
        logger.error({ err: error }, 'request failed');
        if (!res.headersSent) {
          sendJson(res, 500, { error: 'internal error' });
        }
        return 'error';
      })
      .then(routeName => {
        endTimer({ route: routeName });
        metrics.requests.inc({ method: req.method, route: routeName, status: res.statusCode });
        if (routeName !== '/healthz' && routeName !== '/readyz' && routeName !== '/metrics') {
          logger.info({ method: req.method, route: routeName, status: res.statusCode }, 'request');
        }
      });
  });
}
