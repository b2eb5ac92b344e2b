import { ProvisioningClient } from './ProvisioningClient';

function client(response: { status?: number; body: unknown }) {
  const fetch = jest.fn().mockImplementation(
    async () =>
      new Response(JSON.stringify(response.body), {
        status: response.status ?? 200,
        headers: { 'content-type': 'application/json' },
      }),
  );
  const api = new ProvisioningClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://localhost:7007/api/${id}`,
    },
    fetchApi: { fetch },
  });
  return { api, fetch };
}

describe('ProvisioningClient', () => {
  it('lists requests with the filters as query parameters', async () => {
    const { api, fetch } = client({ body: { items: [{ id: 'a' }] } });
    await expect(
      api.listRequests({
        owner: ['group:default/payments', 'group:default/data'],
        status: ['ready'],
        requestedBy: 'user:default/sam.rivera',
      }),
    ).resolves.toEqual([{ id: 'a' }]);
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/provisioning/requests');
    expect(url.searchParams.get('owner')).toBe(
      'group:default/payments,group:default/data',
    );
    expect(url.searchParams.get('status')).toBe('ready');
    expect(url.searchParams.get('requestedBy')).toBe('user:default/sam.rivera');
  });

  it('posts approvals and rejections with the comment', async () => {
    const { api, fetch } = client({ body: {} });
    await api.approveRequest('id-1', 'looks right');
    await api.rejectRequest('id/2', 'too large for staging');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/provisioning/requests/id-1/approve',
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({
      method: 'POST',
      body: '{"comment":"looks right"}',
    });
    expect(fetch.mock.calls[1][0]).toBe(
      'http://localhost:7007/api/provisioning/requests/id%2F2/reject',
    );
  });

  it('turns an error answer into a ResponseError with the backend message', async () => {
    const { api } = client({
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message: 'You may not approve request x',
        },
        request: { method: 'POST', url: '/requests/x/approve' },
        response: { statusCode: 403 },
      },
    });
    await expect(api.approveRequest('x')).rejects.toMatchObject({
      name: 'ResponseError',
      response: { status: 403 },
      body: { error: { message: 'You may not approve request x' } },
    });
  });
});
