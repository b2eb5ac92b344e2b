import type { ServiceNameAnswer } from '../serviceNames';
import { GetServiceNameResponse, GoldenPathsClient } from './GoldenPathsClient';

// The zod schema and the OpenAPI spec describe the same answer (checked by the compiler).
const fromSpec: GetServiceNameResponse = {} as ServiceNameAnswer;
const fromSchema: ServiceNameAnswer = {} as GetServiceNameResponse;

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
});
