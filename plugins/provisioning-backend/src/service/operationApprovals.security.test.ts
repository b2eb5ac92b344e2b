import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  createRequest,
  PAT,
  PRIYA,
  SAM,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(180_000);

/**
 * The approval rules hold for operations too: a resize of a production database (sandbox on the
 * local PostgreSQL) needs two approvals by distinct platform engineers, never the one who asked,
 * and shows in the inbox with the monthly cost after it and the change.
 */
describe('approval rules on operations', () => {
  it('needs two distinct approvers, refuses double and self-approval, and prices the change', async () => {
    const { server, owners } = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:5432/postgres',
      environments: {
        production: {
          approval: { required: 2, approvers: ['group:default/platform'] },
        },
      },
    });
    const as = (user: string) => mockCredentials.user.header(user);
    const filed = await createRequest(server, owners, {
      name: `ops-${Date.now().toString(36)}`,
      environment: 'production',
      storageGB: 10,
    });
    const id = filed.body.id;
    for (const user of [PRIYA, PAT]) {
      const res = await request(server)
        .post(`/api/provisioning/requests/${id}/approve`)
        .set('Authorization', as(user))
        .send({});
      expect(res.status).toBe(200);
    }
    const waitFor = async (path: string, status: string) => {
      for (let i = 0; i < 300; i++) {
        const res = await request(server)
          .get(`/api/provisioning${path}`)
          .set('Authorization', as(SAM));
        if (res.body.status === status) return res.body;
        await new Promise(r => setTimeout(r, 200));
      }
      throw new Error(`${path} never reached ${status}`);
    };
    await waitFor(`/requests/${id}`, 'ready');

    try {
      const asked = await request(server)
        .post(`/api/provisioning/requests/${id}/operations`)
        .set('Authorization', as(SAM))
        .send({ type: 'resize', size: 'medium', storageGB: 20 });
      expect(asked.status).toBe(201);
      expect(asked.body.status).toBe('awaiting-approval');
      const op = asked.body.id;
      const review = (user: string) =>
        request(server)
          .post(`/api/provisioning/requests/${id}/operations/${op}/approve`)
          .set('Authorization', as(user))
          .send({ comment: 'ok' });

      const inbox = await request(server)
        .get('/api/provisioning/approvals')
        .set('Authorization', as(PRIYA));
      // Sandbox prices of the test backend: small 20 + 10 × 0.5 = 25 → medium 60 + 20 × 0.5 = 70.
      expect(inbox.body.items.find((i: any) => i.id === op)).toMatchObject({
        subjectType: 'operation',
        requestId: id,
        title: expect.stringMatching(/^resize of ops-/),
        cost: { monthly: 70, currency: 'EUR', change: 45 },
        diff: [
          { field: 'size', before: 'small', after: 'medium' },
          { field: 'storageGB', before: '10', after: '20' },
        ],
        canApprove: true,
      });

      const first = await review(PRIYA);
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('awaiting-approval');
      expect(first.body.approval.approvals).toHaveLength(1);
      const twice = await review(PRIYA);
      expect(twice.status).toBe(409);
      expect(twice.body.error.message).toMatch(
        /rule: approvals by distinct people/,
      );

      const second = await review(PAT);
      expect(second.status).toBe(200);
      expect(second.body.status).toBe('in-progress');
      await waitFor(`/requests/${id}/operations/${op}`, 'done');
      const late = await review(PRIYA);
      expect(late.status).toBe(409);
      expect(late.body.error.message).toMatch(/already decided/);

      // A platform engineer may not approve the operation she asked for herself.
      const hers = await request(server)
        .post(`/api/provisioning/requests/${id}/operations`)
        .set('Authorization', as(PRIYA))
        .send({ type: 'resize', storageGB: 30 });
      expect(hers.status).toBe(201);
      expect(hers.body.status).toBe('awaiting-approval');
      const self = await request(server)
        .post(
          `/api/provisioning/requests/${id}/operations/${hers.body.id}/approve`,
        )
        .set('Authorization', as(PRIYA))
        .send({});
      expect(self.status).toBe(403);
      expect(self.body.error.message).toMatch(/you filed it \(rule: four eyes/);
      const rejected = await request(server)
        .post(
          `/api/provisioning/requests/${id}/operations/${hers.body.id}/reject`,
        )
        .set('Authorization', as(PAT))
        .send({ comment: 'not needed' });
      expect(rejected.body.status).toBe('rejected');
    } finally {
      await request(server)
        .delete(`/api/provisioning/requests/${id}`)
        .set('Authorization', as(SAM));
      await waitFor(`/requests/${id}`, 'deleted');
    }
  });
});
