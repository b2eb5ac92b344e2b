import { DevexClient } from './DevexClient';

describe('DevexClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn().mockResolvedValue('http://backend/api/devex'),
  };

  function client(response: Response) {
    const fetch = jest.fn().mockResolvedValue(response);
    return {
      fetch,
      client: new DevexClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  const from = new Date(2026, 7, 26);
  const to = new Date(2026, 10, 24);

  it('asks for a group scope and a window with offsets', async () => {
    const { fetch, client: devex } = client(
      new Response(JSON.stringify({ ok: 1 })),
    );
    await devex.getDoraMetrics({
      scope: { kind: 'group', group: 'group:default/payments' },
      from,
      to,
    });
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/devex/dora');
    expect(url.searchParams.get('group')).toBe('group:default/payments');
    expect(url.searchParams.has('entityRef')).toBe(false);
    expect(Date.parse(url.searchParams.get('from')!)).toBe(from.getTime());
    expect(Date.parse(url.searchParams.get('to')!)).toBe(to.getTime());
  });

  it('asks for weekly series of one service in a time zone', async () => {
    const { fetch, client: devex } = client(new Response('{}'));
    await devex.getDoraSeries({
      scope: { kind: 'entity', entityRef: 'component:default/payments-api' },
      from,
      to,
      timeZone: 'Europe/Berlin',
    });
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/devex/dora/series');
    expect(url.searchParams.get('entityRef')).toBe(
      'component:default/payments-api',
    );
    expect(url.searchParams.get('bucket')).toBe('week');
    expect(url.searchParams.get('tz')).toBe('Europe/Berlin');
  });

  it('posts survey answers as JSON', async () => {
    const { fetch, client: devex } = client(
      new Response(JSON.stringify({ id: 's1' }), { status: 201 }),
    );
    await expect(
      devex.submitSurvey({ score: 9, comment: 'great' }),
    ).resolves.toEqual({
      id: 's1',
    });
    expect(fetch).toHaveBeenCalledWith('http://backend/api/devex/surveys', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ score: 9, comment: 'great' }),
    });
  });

  it('turns an error response into a ResponseError carrying the backend error', async () => {
    const body = {
      error: { name: 'InputError', message: 'from must be before to' },
      request: { method: 'GET', url: '/dora' },
      response: { statusCode: 400 },
    };
    const { client: devex } = client(
      new Response(JSON.stringify(body), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    await expect(
      devex.getDoraMetrics({
        scope: { kind: 'organization' },
        from: to,
        to: from,
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      cause: { name: 'InputError', message: 'from must be before to' },
    });
  });
});
