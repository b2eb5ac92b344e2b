import { requestPagePath } from './portalPaths';

describe('requestPagePath', () => {
  it('is the request page, optionally at one operation', () => {
    const id = '7d0c1f9e-2f4a-4c39-9a55-0f4e2b8c1d11';
    expect(requestPagePath(id)).toBe(`/provisioning/requests/${id}`);
    expect(requestPagePath(id, { operationId: 'op-1' })).toBe(
      `/provisioning/requests/${id}?operation=op-1`,
    );
  });

  it('keeps an id with path characters inside its segment', () => {
    expect(requestPagePath('../approvals')).toBe(
      '/provisioning/requests/..%2Fapprovals',
    );
  });
});
