import net from 'net';
import request from 'supertest';
import knexFactory, { Knex } from 'knex';
import Router from 'express-promise-router';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';

jest.setTimeout(30_000);

/** A local port nothing listens on, so connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['a shutdown by the administrator', { code: '57P01' }],
    ['a server still starting up', { code: '57P03' }],
    ['a connection exception', { code: '08006' }],
    ['too many connections', { code: '53300' }],
    ['an exhausted pool', { name: 'KnexTimeoutError', message: 'Timeout' }],
    [
      'a socket closed under a query',
      new Error('Connection terminated unexpectedly'),
    ],
    [
      'a transaction whose connection died (as knex reports it)',
      new Error('ROLLBACK - Connection terminated unexpectedly'),
    ],
    [
      'a refused connection to every address',
      new AggregateError([{ code: 'ECONNREFUSED' }], ''),
    ],
    [
      'a wrapped cause',
      new Error('store failed', { cause: { code: '57P01' } }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a syntax error', { code: '42601' }],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('databaseUnavailableHandler', () => {
  let unreachable: Knex;

  beforeAll(async () => {
    unreachable = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port: await closedPort() },
      pool: { min: 0, max: 1 },
    });
  });
  afterAll(() => unreachable.destroy());

  async function startBackendWith(fail: () => Promise<unknown>) {
    const plugin = createBackendPlugin({
      pluginId: 'probe',
      register(env) {
        env.registerInit({
          deps: { httpRouter: coreServices.httpRouter },
          async init({ httpRouter }) {
            const router = Router();
            router.get('/query', async (_req, res) => {
              res.json(await fail());
            });
            router.use(databaseUnavailableHandler());
            httpRouter.use(router);
            httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
          },
        });
      },
    });
    return startTestBackend({ features: [plugin] });
  }

  it('answers 503 with Retry-After when PostgreSQL refuses connections', async () => {
    const { server } = await startBackendWith(() =>
      unreachable.raw('SELECT 1'),
    );
    const res = await request(server).get('/api/probe/query');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.name).toBe('ServiceUnavailableError');
  });

  it('leaves other errors alone', async () => {
    const { server } = await startBackendWith(async () => {
      throw new TypeError('a bug');
    });
    const res = await request(server).get('/api/probe/query');
    expect(res.status).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
  });
});
