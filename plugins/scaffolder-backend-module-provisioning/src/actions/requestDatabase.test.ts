import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ProvisioningApiClient } from './ProvisioningApiClient';
import {
  REQUEST_DATABASE_EXAMPLES,
  createRequestDatabaseAction,
  resourceEntityRef,
} from './requestDatabase';

jest.setTimeout(30_000);

const user = mockCredentials.user('user:default/sam.rivera');

/**
 * A stand-in for the provisioning backend: files requests (deduplicated by Idempotency-Key, as the
 * real router does), refuses what a guardrail would, and moves each request through the statuses
 * the test scripts for it, one per GET.
 */
async function startProvisioningApi(script: {
  statuses: string[];
  failureReason?: string;
}) {
  const posts: Array<{ headers: http.IncomingHttpHeaders; body: any }> = [];
  const gets: string[] = [];
  const byKey = new Map<string, any>();
  const requests = new Map<string, { request: any; step: number }>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', c => (raw += c));
    req.on('end', () => {
      // Error bodies in Backstage's shape, as the real error middleware writes them.
      const reply = (status: number, payload: any) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            status >= 400
              ? {
                  ...payload,
                  request: { method: req.method, url: req.url },
                  response: { statusCode: status },
                }
              : payload,
          ),
        );
      };
      const auth = req.headers.authorization ?? '';
      if (
        !auth.includes('user:default/sam.rivera') ||
        !auth.includes('provisioning')
      ) {
        reply(401, {
          error: {
            name: 'AuthenticationError',
            message: 'not on behalf of the user',
          },
        });
        return;
      }
      if (req.method === 'POST' && req.url === '/api/provisioning/requests') {
        const body = JSON.parse(raw);
        posts.push({ headers: req.headers, body });
        if (body.storageGB > 500) {
          reply(400, {
            error: {
              name: 'InputError',
              message:
                'storageGB: 900 exceeds 500 for development (rule: environments.development.storageGB.max)',
            },
          });
          return;
        }
        const key = String(req.headers['idempotency-key']);
        let request = byKey.get(key);
        if (!request) {
          request = {
            id: `0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a1${byKey.size}`,
            ...body,
            status: script.statuses[0],
          };
          byKey.set(key, request);
          requests.set(request.id, { request, step: 0 });
        }
        reply(201, request);
        return;
      }
      const match = req.url?.match(/^\/api\/provisioning\/requests\/([^/]+)$/);
      if (req.method === 'GET' && match) {
        gets.push(match[1]);
        const entry = requests.get(match[1]);
        if (!entry) {
          reply(404, {
            error: { name: 'NotFoundError', message: 'no such request' },
          });
          return;
        }
        entry.step = Math.min(entry.step + 1, script.statuses.length - 1);
        const status = script.statuses[entry.step];
        reply(200, {
          ...entry.request,
          status,
          ...(status === 'ready'
            ? {
                outputs: {
                  host: '127.0.0.1',
                  port: 5432,
                  database: 'payments_orders',
                  username: 'payments_orders',
                  credentialsRef: 'paved-secret:x',
                  connectionSecret: 'from-the-provider-connection',
                },
              }
            : {}),
          ...(status === 'failed'
            ? { failureReason: script.failureReason }
            : {}),
          events: [],
        });
        return;
      }
      reply(404, { error: { name: 'NotFoundError', message: req.url } });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/provisioning`;
  return {
    baseUrl,
    posts,
    gets,
    close: () => new Promise<void>(r => server.close(() => r())),
  };
}

describe('paved:database:request', () => {
  let api: Awaited<ReturnType<typeof startProvisioningApi>>;

  afterEach(() => api?.close());

  async function setup(
    script: { statuses: string[]; failureReason?: string },
    timeoutMs = 10_000,
  ) {
    api = await startProvisioningApi(script);
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async () => api.baseUrl,
    });
    const client = new ProvisioningApiClient(discovery, mockServices.auth());
    return createRequestDatabaseAction({
      client,
      appBaseUrl: 'http://localhost:3000/',
      pollIntervalMs: 5,
      timeoutMs,
    });
  }

  function context(
    input: Record<string, unknown>,
    overrides: Record<string, unknown> = {},
  ) {
    return {
      ...createMockActionContext({
        input: input as any,
        task: { id: 'task-42' },
      }),
      getInitiatorCredentials: async () => user,
      ...overrides,
    } as any;
  }

  it.each(REQUEST_DATABASE_EXAMPLES)(
    'runs the documented example: $description',
    async ({ input }) => {
      const action = await setup({
        statuses: ['provisioning', 'provisioning', 'ready'],
      });
      const ctx = context(input);
      await action.handler(ctx);

      expect(api.posts).toHaveLength(1);
      expect(api.posts[0].body).toEqual({ type: 'postgresql', ...input });
      expect(api.posts[0].headers['idempotency-key']).toBe(
        'scaffolder:task-42:mock-step-id',
      );
      const id = api.gets[0];
      const entityRef = resourceEntityRef(input as any);
      expect(ctx.output).toHaveBeenCalledWith('requestId', id);
      expect(ctx.output).toHaveBeenCalledWith('status', 'ready');
      expect(ctx.output).toHaveBeenCalledWith('entityRef', entityRef);
      // Once ready, what the provider reported, not a prediction.
      expect(ctx.output).toHaveBeenCalledWith('database', 'payments_orders');
      expect(ctx.output).toHaveBeenCalledWith(
        'connectionSecret',
        'from-the-provider-connection',
      );
      expect(ctx.output).toHaveBeenCalledWith('links', [
        {
          title: 'Database request',
          url: `http://localhost:3000/provisioning/requests/${id}`,
        },
        { title: 'Database in the catalog', entityRef },
      ]);
    },
  );

  it('names the Resource the provisioning backend delivers', () => {
    const request = {
      id: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
      owner: 'group:default/payments',
      name: 'orders',
      environment: 'development' as const,
    };
    expect(resourceEntityRef(request)).toBe(
      'resource:default/orders-development',
    );
    // Once ready, the backend's fixed ref wins (qualified when another team holds the name).
    expect(
      resourceEntityRef({
        ...request,
        resourceEntityRef: 'resource:default/payments-orders-development',
      }),
    ).toBe('resource:default/payments-orders-development');
  });

  it('stops at awaiting-approval without failing', async () => {
    const action = await setup({ statuses: ['awaiting-approval'] });
    const ctx = context({
      ...REQUEST_DATABASE_EXAMPLES[0].input,
      environment: 'production',
      size: 'large',
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('status', 'awaiting-approval');
    // Nothing exists yet: the chart gets the names the database will have.
    expect(ctx.output).toHaveBeenCalledWith('database', 'orders');
    expect(ctx.output).toHaveBeenCalledWith(
      'connectionSecret',
      'orders-production-connection',
    );
    expect(ctx.output).toHaveBeenCalledWith('links', [
      {
        title: 'Database request',
        url: expect.stringMatching(/\/provisioning\/requests\//),
      },
    ]);
  });

  it('fails the task with the provider reason when provisioning fails', async () => {
    const action = await setup({
      statuses: ['provisioning', 'failed'],
      failureReason: 'sandbox: could not connect to 127.0.0.1:5432',
    });
    await expect(
      action.handler(context(REQUEST_DATABASE_EXAMPLES[0].input)),
    ).rejects.toThrow(
      /failed: sandbox: could not connect to 127\.0\.0\.1:5432$/,
    );
  });

  it('fails the task with the guardrail that refused the request', async () => {
    const action = await setup({ statuses: ['provisioning'] });
    await expect(
      action.handler(
        context({ ...REQUEST_DATABASE_EXAMPLES[0].input, storageGB: 900 }),
      ),
    ).rejects.toThrow(
      'The database request was refused: 400 storageGB: 900 exceeds 500 for development (rule: environments.development.storageGB.max)',
    );
  });

  it('gives up after the timeout with a link to follow the request', async () => {
    const action = await setup({ statuses: ['provisioning'] }, 50);
    await expect(
      action.handler(context(REQUEST_DATABASE_EXAMPLES[0].input)),
    ).rejects.toThrow(
      /still provisioning after 0 minutes; follow it at http:\/\/localhost:3000\/provisioning\/requests\//,
    );
  });

  it('files the request once when the task is retried', async () => {
    const action = await setup({ statuses: ['provisioning', 'ready'] });
    const checkpoints = new Map<string, unknown>();
    const checkpoint = async ({
      key,
      fn,
    }: {
      key: string;
      fn: () => Promise<unknown>;
    }) => {
      if (!checkpoints.has(key)) checkpoints.set(key, await fn());
      return checkpoints.get(key);
    };
    await action.handler(
      context(REQUEST_DATABASE_EXAMPLES[0].input, { checkpoint }),
    );
    await action.handler(
      context(REQUEST_DATABASE_EXAMPLES[0].input, { checkpoint }),
    );
    expect(api.posts).toHaveLength(1);

    // Without the checkpoint (a task recovered on another replica), the Idempotency-Key makes the
    // backend answer with the same request.
    const ctx = context(REQUEST_DATABASE_EXAMPLES[0].input);
    await action.handler(ctx);
    expect(api.posts).toHaveLength(2);
    expect(new Set(api.posts.map(p => p.headers['idempotency-key'])).size).toBe(
      1,
    );
    expect(ctx.output).toHaveBeenCalledWith('requestId', api.gets[0]);
  });

  it('does nothing in a dry run', async () => {
    const action = await setup({ statuses: ['ready'] });
    const ctx = context(REQUEST_DATABASE_EXAMPLES[0].input, { isDryRun: true });
    await action.handler(ctx);
    expect(api.posts).toHaveLength(0);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/orders-development',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'connectionSecret',
      'orders-development-connection',
    );
  });

  it('never writes the token or credentials to the task log', async () => {
    const action = await setup({ statuses: ['ready'] });
    const lines: string[] = [];
    const logger = {
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: jest.fn(),
      debug: jest.fn(),
      child: () => logger,
    };
    await action.handler(
      context(REQUEST_DATABASE_EXAMPLES[0].input, { logger }),
    );
    expect(lines.join('\n')).toContain(
      'Database ready at 127.0.0.1:5432/payments_orders',
    );
    expect(lines.join('\n')).not.toMatch(/token|password|paved-secret/i);
  });

  it('publishes an input schema that refuses hostile input', async () => {
    const action = await setup({ statuses: ['ready'] });
    // createTemplateAction turns the zod schema into the JSON schema the scaffolder validates with.
    const { properties, required } = action.schema!.input as any;
    expect(required).toEqual(
      expect.arrayContaining([
        'name',
        'owner',
        'environment',
        'size',
        'storageGB',
      ]),
    );
    const name = new RegExp(properties.name.pattern);
    expect(properties.name.maxLength).toBe(63);
    for (const hostile of [
      'a"; DROP DATABASE postgres; --',
      'ünïcødé',
      'Orders',
      '-orders',
      '',
    ]) {
      expect(name.test(hostile)).toBe(false);
    }
    expect(name.test('orders-2')).toBe(true);
    expect(properties.environment.enum).toEqual([
      'development',
      'staging',
      'production',
      'ephemeral',
    ]);
    expect(properties.size.enum).toEqual(['small', 'medium', 'large']);
    // The engine: PostgreSQL unless the template asks for Redis; nothing else.
    expect(properties.type).toMatchObject({
      enum: ['postgresql', 'redis'],
      default: 'postgresql',
    });
    expect(required).not.toContain('type');
    expect(properties.storageGB).toMatchObject({
      type: 'integer',
      exclusiveMinimum: 0,
    });
  });
});
