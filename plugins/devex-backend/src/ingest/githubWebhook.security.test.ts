import http from 'http';
import { AddressInfo } from 'net';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startDevexTestBackend } from '../__testUtils__/devexTestBackend';
import { githubSignature } from './githubSignature';

jest.setTimeout(60_000);

const SECRET = 'webhook-secret';
const LIMIT = 1024 * 1024;
const MB = 1024 * 1024;

const deploymentStatus = (
  state: 'success' | 'failure',
  updatedAt: string,
  environment = 'production',
) =>
  JSON.stringify({
    repository: { full_name: 'paved-org/payments-api' },
    deployment: {
      id: 42,
      sha: 'aaaaaaa1',
      environment,
      created_at: '2026-10-01T00:00:00Z',
    },
    deployment_status: { state, updated_at: updatedAt },
  });

/**
 * Sends `total` bytes in 64 KiB chunks, as fast as the server reads them, and stops as soon as
 * the server answers. Returns the answer's status and how much had been written by then.
 */
function stream(
  server: http.Server,
  headers: Record<string, string>,
  total: number,
): Promise<{ status: number; written: number }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/devex/webhooks/github',
      headers: { 'content-type': 'application/json', ...headers },
    });
    req.on('response', res => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode!, written });
    });
    // The server closes the connection after answering early; writes after that fail.
    req.on('error', error => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    if (total === 0) req.flushHeaders();
    else pump();
  });
}

/** Attacks on the GitHub webhook (issue 19, DevEx data integrity). */
describe('GitHub webhook', () => {
  async function start() {
    return startDevexTestBackend({
      config: {
        devex: { github: { webhookSecret: SECRET, maxPayloadBytes: LIMIT } },
      },
    });
  }
  const deliver = (
    server: any,
    event: string,
    body: string,
    delivery: string,
  ) =>
    request(server)
      .post('/api/devex/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', delivery)
      .set('X-Hub-Signature-256', githubSignature(SECRET, body))
      .send(body);
  const stored = async (server: any) =>
    (
      await request(server)
        .get('/api/devex/deployments')
        .set('Authorization', mockCredentials.user.header())
    ).body.items.map((d: any) => [d.id, d.status, d.finishedAt]);

  it('never lets an older delivery replace newer state (a 01:30 failure after a 02:00 success)', async () => {
    const { server, stop } = await start();
    const success = deploymentStatus('success', '2026-10-01T02:00:00Z');
    const olderFailure = deploymentStatus('failure', '2026-10-01T01:30:00Z');
    expect(
      (await deliver(server, 'deployment_status', success, 'd-1')).status,
    ).toBe(202);
    const late = await deliver(
      server,
      'deployment_status',
      olderFailure,
      'd-2',
    );
    expect(late.status).toBe(202);
    expect(late.body).toEqual({
      accepted: 0,
      ignored: 'a newer state of this event is stored',
    });
    expect(await stored(server)).toEqual([
      ['deployment-42', 'success', '2026-10-01T02:00:00.000Z'],
    ]);
    await stop();
  });

  it('applies a redelivered X-GitHub-Delivery once', async () => {
    const { server, stop } = await start();
    const success = deploymentStatus('success', '2026-10-01T02:00:00Z');
    const failure = deploymentStatus('failure', '2026-10-01T03:00:00Z');
    await deliver(server, 'deployment_status', success, 'd-1');
    await deliver(server, 'deployment_status', failure, 'd-2');
    const replay = await deliver(server, 'deployment_status', success, 'd-1');
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual({ accepted: 0, duplicate: true });
    expect(await stored(server)).toEqual([
      ['deployment-42', 'failed', '2026-10-01T03:00:00.000Z'],
    ]);
    await stop();
  });

  it('refuses a signed delivery holding a NUL character with a 400 naming the field (PostgreSQL could not store it)', async () => {
    const { server, stop } = await start();
    const body = deploymentStatus(
      'success',
      '2026-10-01T02:00:00Z',
      'produc\u0000tion',
    );
    const res = await deliver(server, 'deployment_status', body, 'd-nul');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'deployment.environment: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
    // Refused, not recorded: the same delivery id is not taken for a duplicate later.
    const fixed = await deliver(
      server,
      'deployment_status',
      deploymentStatus('success', '2026-10-01T02:00:00Z'),
      'd-nul',
    );
    expect(fixed.status).toBe(202);
    expect(fixed.body).toEqual({ accepted: 1 });
    expect(await stored(server)).toEqual([
      ['deployment-42', 'success', '2026-10-01T02:00:00.000Z'],
    ]);
    await stop();
  });

  it('refuses a 20 MB unsigned body before reading it', async () => {
    const { server, stop } = await start();
    const answer = await stream(server as any, {}, 20 * MB);
    expect(answer.status).toBe(401);
    // The kernel's socket buffers on both ends take what is written before the answer arrives
    // (loopback autotuning: 4.2 MB seen once on a loaded CI-like run); a server that read the body
    // would have taken all 20 MB.
    expect(answer.written).toBeLessThan(10 * MB);
    await stop();
  });

  it('stops reading a wrongly signed body at the limit', async () => {
    const { server, stop } = await start();
    const answer = await stream(
      server as any,
      { 'x-hub-signature-256': githubSignature('wrong', 'whatever') },
      20 * MB,
    );
    expect(answer.status).toBe(413);
    // The limit plus what the loopback socket buffers hold (a few MB): half of what was offered.
    expect(answer.written).toBeLessThan(10 * MB);
    await stop();
  });

  it('refuses a declared 20 MB body without reading any of it', async () => {
    const { server, stop } = await start();
    const answer = await stream(
      server as any,
      {
        'x-hub-signature-256': githubSignature(SECRET, 'whatever'),
        'content-length': String(20 * MB),
      },
      0,
    );
    expect(answer).toEqual({ status: 413, written: 0 });
    await stop();
  });

  it('checks the signature before any JSON parser reads the body', async () => {
    const { server, stop } = await start();
    // Not JSON: a JSON parser in front of the route would answer 400 before the signature check.
    const res = await request(server)
      .post('/api/devex/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', 'push')
      .set('X-Hub-Signature-256', githubSignature('wrong', '{'))
      .send('{');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe(
      'X-Hub-Signature-256: does not match the body (rule: signature)',
    );
    await stop();
  });
});
