import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  createRequest,
  PRIYA,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('four eyes: nobody reviews their own request', () => {
  it('refuses a platform member approving or rejecting the request they filed', async () => {
    const { server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
    });
    // Priya is in the platform team, which may approve, and files a production request herself.
    const filed = await createRequest(
      server,
      owners,
      {
        environment: 'production',
        storageGB: 10,
        owner: 'group:default/platform',
      },
      PRIYA,
    );
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('awaiting-approval');

    for (const action of ['approve', 'reject']) {
      const res = await request(server)
        .post(`/api/provisioning/requests/${filed.body.id}/${action}`)
        .set('Authorization', mockCredentials.user.header(PRIYA))
        .send({ comment: 'looks fine to me' });
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(res.body.error.message).toMatch(/rule: four eyes/);
    }
    const after = await request(server)
      .get(`/api/provisioning/requests/${filed.body.id}`)
      .set('Authorization', mockCredentials.user.header(PRIYA));
    expect(after.body.status).toBe('awaiting-approval');
  });
});
