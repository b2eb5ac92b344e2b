import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { actionCallsTo } from './actionRequests';

describe('actionCallsTo', () => {
  const fetchMock = jest.spyOn(global, 'fetch');
  afterEach(() => fetchMock.mockReset());
  afterAll(() => fetchMock.mockRestore());

  const callDevex = actionCallsTo('devex', {
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
  });

  it("calls the plugin's API as the caller, naming the action in the User-Agent", async () => {
    fetchMock.mockResolvedValue(new Response('{"items":[]}', { status: 200 }));
    const answer = await callDevex<{ items: unknown[] }>(
      mockCredentials.user('user:default/sam.rivera'),
      'list-deployments',
      { path: '/deployments', query: { limit: '20', group: undefined } },
    );
    expect(answer).toEqual({ status: 200, body: { items: [] } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe(
      'http://localhost:0/api/devex/deployments?limit=20',
    );
    expect(init?.method).toBe('GET');
    const headers = init?.headers as Record<string, string>;
    expect(headers['User-Agent']).toBe(
      'paved-actions-registry (agent action devex:list-deployments)',
    );
    expect(headers.Authorization).toMatch(/^Bearer .*sam\.rivera/);
  });

  it("keeps the route's error kind and message", async () => {
    fetchMock.mockResolvedValue(
      new Response('{"error":{"message":"no such request"}}', { status: 404 }),
    );
    await expect(
      callDevex(mockCredentials.user(), 'get-thing', { path: '/things/1' }),
    ).rejects.toThrow(new NotFoundError('no such request'));
  });
});
