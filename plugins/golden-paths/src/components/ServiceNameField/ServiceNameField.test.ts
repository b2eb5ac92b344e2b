import { GoldenPathsClient } from '@paved/plugin-golden-paths-common';
import { goldenPathsApiRef } from '../../api';
import { validateServiceName } from './ServiceNameField';

function apiHolder(respond: (url: string) => Response) {
  const fetch = jest.fn(async (url: string) => respond(url));
  const client = new GoldenPathsClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: { fetch: fetch as any },
  });
  const apis = new Map<unknown, unknown>([[goldenPathsApiRef, client]]);
  return { holder: { get: (ref: unknown) => apis.get(ref) } as any, fetch };
}

async function validate(name: string, respond: (url: string) => Response) {
  const { holder, fetch } = apiHolder(respond);
  const addError = jest.fn();
  await validateServiceName(name, { addError } as any, {
    apiHolder: holder,
    formData: {},
    schema: {},
  });
  return { addError, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('validateServiceName', () => {
  it('accepts a free name after asking the backend', async () => {
    const { addError, fetch } = await validate('orders-api', () =>
      json({ name: 'orders-api', available: true }),
    );
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/golden-paths/service-names/orders-api',
    );
    expect(addError).not.toHaveBeenCalled();
  });

  it('refuses a taken name with the message naming the field', async () => {
    const problem =
      'name: component:default/ledger-service already exists in the catalog (rule: unique-name)';
    const { addError } = await validate('ledger-service', () =>
      json({ name: 'ledger-service', available: false, problem }),
    );
    expect(addError).toHaveBeenCalledWith(problem);
  });

  it('says so when the check itself fails', async () => {
    const { addError } = await validate('orders-api', () =>
      json(
        {
          error: { name: 'AuthenticationError', message: 'no token' },
          response: { statusCode: 401 },
        },
        401,
      ),
    );
    expect(addError).toHaveBeenCalledWith(
      expect.stringMatching(/^Could not check the name: /),
    );
  });

  it('leaves an empty name to the required rule', async () => {
    const { addError, fetch } = await validate('', () => json({}));
    expect(fetch).not.toHaveBeenCalled();
    expect(addError).not.toHaveBeenCalled();
  });
});
