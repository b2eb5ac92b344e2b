import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createRequest, SAM, startBackend } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('extend is capped by the environment’s maximum lifetime', () => {
  it('refuses an extension that keeps an ephemeral database past its maximum lifetime', async () => {
    // Each extension may be up to 24 h (maxTtlHours); in total a database lives at most 24 h.
    const { server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
      ephemeralMaxLifetimeHours: 24,
    });
    const filed = await createRequest(server, owners, {
      environment: 'ephemeral',
      storageGB: 1,
      ttlHours: 10,
    });
    expect(filed.status).toBe(201);
    const extend = (hours: number) =>
      request(server)
        .post(`/api/provisioning/requests/${filed.body.id}/extend`)
        .set('Authorization', mockCredentials.user.header(SAM))
        .send({ hours });

    const beyond = await extend(24);
    expect(beyond.status).toBe(400);
    expect(beyond.body.error.message).toMatch(
      /^hours: would expire at .* after the maximum lifetime of 24 hours since creation .*\(rule: environments\.ephemeral\.maxLifetimeHours\)$/,
    );
    expect((await extend(12)).status).toBe(200);
  });
});
