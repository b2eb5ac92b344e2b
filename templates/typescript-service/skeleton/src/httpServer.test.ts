import test from 'node:test';
import assert from 'node:assert/strict';
import { AddressInfo } from 'node:net';
import { createHttpServer } from './httpServer';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { ReadinessCheck } from './readiness';

async function withServer(
  readinessChecks: ReadinessCheck[],
  run: (baseUrl: string) => Promise<void>,
) {
  const server = createHttpServer({
    logger: createLogger('test', 'silent'),
    metrics: createMetrics(),
    readinessChecks,
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise(resolve => server.close(resolve));
  }
}

test('liveness answers ok', async () => {
  await withServer([], async base => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });
});

test('readiness reports each failing dependency', async () => {
  const checks: ReadinessCheck[] = [
    { name: 'cache', check: async () => undefined },
    { name: 'database', check: async () => { throw new Error('connection refused'); } },
  ];
  await withServer(checks, async base => {
    const res = await fetch(`${base}/readyz`);
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), {
      status: 'not ready',
      checks: { cache: 'ok', database: 'connection refused' },
    });
  });
  await withServer([checks[0]], async base => {
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
  });
});

test('metrics count requests in Prometheus format', async () => {
  await withServer([], async base => {
    await fetch(`${base}/healthz`);
    await fetch(`${base}/nowhere`);
    const res = await fetch(`${base}/metrics`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    assert.match(text, /http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    assert.match(text, /process_cpu_user_seconds_total/);
  });
});
{%- if values.api == 'http' %}

test('GET /v1/hello greets, and refuses over-long names', async () => {
  await withServer([], async base => {
    const ok = await fetch(`${base}/v1/hello?name=Ada`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { message: 'Hello, Ada' });
    const bad = await fetch(`${base}/v1/hello?name=${'x'.repeat(101)}`);
    assert.equal(bad.status, 400);
  });
});
{%- endif %}
