import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubernetesCompositeResourceCluster } from './ClusterClient';
import type { PostgreSQLInstanceManifest } from './manifest';

/**
 * The real `@kubernetes/client-node` object API against a small fake API server: API discovery,
 * server-side apply, reads, deletes and error bodies, as a cluster answers them.
 */
describe('KubernetesCompositeResourceCluster', () => {
  const manifest = {
    apiVersion: 'database.paved.dev/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: { name: 'orders-db', namespace: 'team-payments' },
    spec: { parameters: { size: 'small', storageGB: 10 } },
  } as unknown as PostgreSQLInstanceManifest;
  const objectPath =
    '/apis/database.paved.dev/v1alpha1/namespaces/team-payments/postgresqlinstances/orders-db';

  let server: Server;
  let url: string;
  let requests: Array<{
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }>;
  let answer: (req: IncomingMessage) => { status: number; body: unknown };

  const status = (code: number, message: string) => ({
    status: code,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message,
      code,
    },
  });

  // The client is a large ESM package the test runner transforms on first load: take that here,
  // not in the first test's time.
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@kubernetes/client-node');
  }, 60_000);

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        requests.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body,
        });
        // API discovery: the client asks which resource serves the kind before every call.
        const reply =
          req.url === '/apis/database.paved.dev/v1alpha1'
            ? {
                status: 200,
                body: {
                  kind: 'APIResourceList',
                  groupVersion: 'database.paved.dev/v1alpha1',
                  resources: [
                    {
                      name: 'postgresqlinstances',
                      singularName: 'postgresqlinstance',
                      namespaced: true,
                      kind: 'PostgreSQLInstance',
                      verbs: ['get', 'patch', 'delete'],
                    },
                  ],
                },
              }
            : answer(req);
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          'x-echo-audience': 'secret-audience',
        });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  beforeEach(() => {
    requests = [];
  });

  const cluster = () =>
    new KubernetesCompositeResourceCluster(
      { url, token: 'cluster-token', skipTLSVerify: true } as any,
      'paved-provisioning',
    );

  it('applies server-side as its field manager, with force, and the bearer token', async () => {
    answer = () => ({ status: 200, body: manifest });
    await cluster().apply(manifest);

    const patch = requests.find(r => r.method === 'PATCH');
    expect(patch).toBeDefined();
    const query = new URL(patch!.url, url).searchParams;
    expect(new URL(patch!.url, url).pathname).toBe(objectPath);
    expect(query.get('fieldManager')).toBe('paved-provisioning');
    expect(query.get('force')).toBe('true');
    expect(patch!.headers['content-type']).toBe('application/apply-patch+yaml');
    expect(patch!.headers.authorization).toBe('Bearer cluster-token');
    expect(JSON.parse(patch!.body)).toMatchObject({
      spec: { parameters: { size: 'small' } },
    });
  });

  it('reads the live object, and answers undefined for one that does not exist', async () => {
    const live = {
      ...manifest,
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    };
    answer = () => ({ status: 200, body: live });
    await expect(cluster().read(manifest)).resolves.toMatchObject({
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });

    answer = () => status(404, 'postgresqlinstances "orders-db" not found');
    await expect(cluster().read(manifest)).resolves.toBeUndefined();
  });

  it('deletes, and takes an object that is already gone as deleted', async () => {
    answer = () => ({
      status: 200,
      body: { kind: 'Status', status: 'Success' },
    });
    await cluster().delete(manifest);
    expect(
      requests.some(r => r.method === 'DELETE' && r.url.startsWith(objectPath)),
    ).toBe(true);

    answer = () => status(404, 'not found');
    await expect(cluster().delete(manifest)).resolves.toBeUndefined();
  });

  it("reports the API server's message, never its headers", async () => {
    answer = () =>
      status(
        403,
        'postgresqlinstances is forbidden: user "paved" cannot patch',
      );
    const apply = cluster().apply(manifest);
    await expect(apply).rejects.toThrow(
      new Error(
        'Kubernetes API apply failed with HTTP 403: postgresqlinstances is forbidden: user "paved" cannot patch',
      ),
    );
    await expect(apply).rejects.not.toThrow('secret-audience');
  });
});
