import type { ServiceNameAnswer } from '../serviceNames';
import type { paths } from '../schema/openapi.generated';
import type { Upgrade } from '../upgrades';
import { GetServiceNameResponse, GoldenPathsClient } from './GoldenPathsClient';

// The zod schema and the OpenAPI spec describe the same answer (checked by the compiler).
const fromSpec: GetServiceNameResponse = {} as ServiceNameAnswer;
const fromSchema: ServiceNameAnswer = {} as GetServiceNameResponse;
type UpgradeFromSpec =
  paths['/upgrades']['post']['responses']['201']['content']['application/json'];
const upgradeFromSpec: UpgradeFromSpec = {} as Upgrade;
const upgradeFromSchema: Upgrade = {} as UpgradeFromSpec;

function client(respond: (url: string) => Response) {
  const fetch = jest.fn(async (url: string) => respond(url));
  return {
    fetch,
    client: new GoldenPathsClient({
      discoveryApi: {
        getBaseUrl: async id => `http://backend/api/${id}`,
      },
      fetchApi: { fetch: fetch as any },
    }),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('GoldenPathsClient', () => {
  it('asks the golden-paths backend, escaping the name', async () => {
    expect([fromSpec, fromSchema]).toHaveLength(2);
    const { client: api, fetch } = client(() =>
      json({
        name: 'a/b',
        available: false,
        problem: 'name: x (rule: pattern)',
      }),
    );
    await expect(
      api.getServiceName('a/b', { namespace: 'team-a' }),
    ).resolves.toEqual({
      name: 'a/b',
      available: false,
      problem: 'name: x (rule: pattern)',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/golden-paths/service-names/a%2Fb?namespace=team-a',
    );
  });

  it('throws the backend’s error, and refuses an answer off the contract', async () => {
    await expect(
      client(() =>
        json(
          {
            error: {
              name: 'InputError',
              message: 'namespace: bad (rule: pattern)',
            },
            response: { statusCode: 400 },
          },
          400,
        ),
      ).client.getServiceName('x'),
    ).rejects.toMatchObject({ name: 'ResponseError' });
    await expect(
      client(() => json({ name: 'x' })).client.getServiceName('x'),
    ).rejects.toThrow();
  });

  it('proposes an upgrade and reads proposals, parsing them with the shared schema', async () => {
    expect([upgradeFromSpec, upgradeFromSchema]).toHaveLength(2);
    const upgrade = {
      id: '0c2f6d1e-7a43-4c4e-9d1f-2b1c7e0b9a11',
      entityRef: 'component:default/orders',
      templateRef: 'template:default/typescript-service',
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      status: 'open',
      changeUrl: 'http://localhost:3000/git/orders/merge-requests/1',
      conflicts: [],
      createdBy: 'user:default/sam.rivera',
      createdAt: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-07T09:00:00.000Z',
    };
    const { client: api, fetch } = client(url =>
      url.includes('?') ? json({ items: [upgrade] }) : json(upgrade, 201),
    );
    await expect(
      api.proposeUpgrade('component:default/orders'),
    ).resolves.toEqual(upgrade);
    expect(fetch.mock.calls[0]).toEqual([
      'http://backend/api/golden-paths/upgrades',
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({ entityRef: 'component:default/orders' }),
      }),
    ]);
    await expect(
      api.listUpgrades({ entityRef: 'component:default/orders' }),
    ).resolves.toEqual([upgrade]);
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backend/api/golden-paths/upgrades?entityRef=component%3Adefault%2Forders',
    );
  });

  it('fails loudly on a proposal that breaks the contract, and on errors', async () => {
    const { client: api } = client(() => json({ id: 'x', status: 'maybe' }));
    await expect(api.getUpgrade('x')).rejects.toThrow();
    const refused = client(() =>
      json(
        {
          error: {
            name: 'ConflictError',
            message:
              'entityRef: already proposed (rule: one-proposal-per-version)',
          },
          response: { statusCode: 409 },
        },
        409,
      ),
    );
    await expect(
      refused.client.proposeUpgrade('component:default/orders'),
    ).rejects.toThrow(/409/);
  });
});
