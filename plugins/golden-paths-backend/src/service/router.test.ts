import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { writeSampleWorkspace } from '@paved/plugin-githost-node/testUtils';
import { serviceNameAnswerSchema } from '@paved/plugin-golden-paths-common';
import request from 'supertest';
import { goldenPathsPlugin } from '../plugin';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ledger-service' },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  },
];

describe('golden-paths backend over HTTP', () => {
  const dir = createMockDirectory();
  let server: any;
  let stop: () => Promise<void>;
  const sam = mockCredentials.user.header('user:default/sam.rivera');

  beforeAll(async () => {
    dir.clear();
    await writeSampleWorkspace(dir.resolve('workspace'));
    await new LocalGitHost(dir.resolve('git')).publish({
      name: 'orphan-repo',
      sourceDirectory: dir.resolve('workspace'),
      taskId: 'task-1',
      author: { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      committer: { name: 'Paved', email: 'paved@example.com' },
      message: 'Initial commit',
    });
    const backend = await startTestBackend({
      features: [
        goldenPathsPlugin,
        catalogServiceMock.factory({ entities }),
        // A request without a token is anonymous (the test backend's default is a user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            paved: { gitHost: { directory: dir.resolve('git') } },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop?.());

  const get = (path: string) =>
    request(server).get(`/api/golden-paths${path}`).set('authorization', sam);

  // Every route of the spec, with a valid example: none answers without a token.
  const routes = Object.entries(spec.paths).flatMap(([template, methods]) =>
    Object.keys(methods).map(method => ({
      method,
      path: template.replace('{name}', 'orders-api'),
    })),
  );

  it.each(routes)('$method $path answers 401 without a token', async route => {
    const res = await (request(server) as any)
      [route.method](`/api/golden-paths${route.path}`)
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    const bare = await (request(server) as any)[route.method](
      `/api/golden-paths${route.path}`,
    );
    expect(bare.status).toBe(401);
  });

  it('says a new name is free, in the shape of the contract', async () => {
    const res = await get('/service-names/orders-api');
    expect(res.status).toBe(200);
    expect(serviceNameAnswerSchema.parse(res.body)).toEqual({
      name: 'orders-api',
      available: true,
    });
  });

  it('names the rule a name breaks', async () => {
    const res = await get('/service-names/Orders_API');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Orders_API', available: false });
    expect(res.body.problem).toMatch(
      /^name: 'Orders_API' must be .* \(rule: pattern\)$/,
    );
  });

  it('refuses a name the catalog or the git host already has', async () => {
    expect((await get('/service-names/ledger-service')).body).toEqual({
      name: 'ledger-service',
      available: false,
      problem:
        'name: component:default/ledger-service already exists in the catalog (rule: unique-name)',
    });
    expect((await get('/service-names/orphan-repo')).body).toEqual({
      name: 'orphan-repo',
      available: false,
      problem:
        "name: repository 'orphan-repo' already exists on the local git host (rule: unique-name)",
    });
    // Another namespace has no such component, but repositories have no namespace.
    expect(
      (await get('/service-names/ledger-service?namespace=team-a')).body,
    ).toEqual({ name: 'ledger-service', available: true });
    expect(
      (await get('/service-names/orphan-repo?namespace=team-a')).body,
    ).toMatchObject({ available: false });
  });

  it.each([
    [
      '?namespace=Not%20One',
      /^namespace: must match pattern .* \(rule: pattern\)$/,
    ],
    ['?namespace=', /^namespace: must not be empty \(rule: required\)$/],
    [
      '?colour=blue',
      /^colour: is not a known query parameter \(rule: no-unknown-fields\)$/,
    ],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const res = await get(`/service-names/orders-api${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  // Found by `make fuzz` on PostgreSQL, which fails a statement comparing a text with U+0000 (a 500).
  it.each([
    [
      '/upgrades?entityRef=%00',
      'entityRef: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    ],
    [
      '/service-names/orders%00',
      'path: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    ],
  ])(
    'answers %s 400, naming where the NUL character is',
    async (path, message) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ name: 'InputError', message });
    },
  );

  it('names every violation of one request', async () => {
    const res = await get(
      `/service-names/orders-api?namespace=${'X'.repeat(64)}`,
    );
    expect(res.status).toBe(400);
    const parts = res.body.error.message.split('; ');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      expect(part).toMatch(/^\w+: .+ \(rule: [\w-]+\)$/);
    }
  });
});
