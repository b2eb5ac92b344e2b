import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  createRequest,
  PAT,
  PRIYA,
  SAM,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

/**
 * Attacks on the approval rules: production needs two approvals by distinct platform engineers;
 * staging needs one, by the dba group only. Provisioning itself cannot reach its database
 * (port 1), so an approved request stays `provisioning` while these run.
 */
describe('approval rules', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    backend = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
      environments: {
        production: {
          approval: { required: 2, approvers: ['group:default/platform'] },
        },
        staging: {
          requiresApproval: true,
          approval: { required: 1, approvers: ['group:default/dba'] },
        },
      },
    });
  });

  const review = (id: string, action: string, user: string, comment = 'ok') =>
    request(backend.server)
      .post(`/api/provisioning/requests/${id}/${action}`)
      .set('Authorization', mockCredentials.user.header(user))
      .send({ comment });
  const get = (id: string, user = SAM) =>
    request(backend.server)
      .get(`/api/provisioning/requests/${id}`)
      .set('Authorization', mockCredentials.user.header(user));

  it('refuses self-approval, the platform team included, naming the rule', async () => {
    const own = await createRequest(
      backend.server,
      backend.owners,
      {
        name: 'platform-own',
        environment: 'production',
        storageGB: 10,
        owner: 'group:default/platform',
      },
      PRIYA,
    );
    expect(own.body.status).toBe('awaiting-approval');
    const res = await review(own.body.id, 'approve', PRIYA);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/you filed it \(rule: four eyes/);
    const after = await get(own.body.id, PRIYA);
    expect(after.body.approval.approvals).toEqual([]);
  });

  it('refuses an approver who is not in the environment list, even with the permission', async () => {
    const filed = await createRequest(backend.server, backend.owners, {
      name: 'staging-db',
      environment: 'staging',
    });
    expect(filed.body.status).toBe('awaiting-approval');
    for (const action of ['approve', 'reject']) {
      const res = await review(filed.body.id, action, PRIYA);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /only members of group:default\/dba .*\(rule: environments\.staging\.approval\.approvers\)/,
      );
    }
    const after = await get(filed.body.id);
    expect(after.body.status).toBe('awaiting-approval');
    expect(after.body.approval).toMatchObject({
      required: 1,
      approvers: ['group:default/dba'],
      approvals: [],
    });
  });

  it('counts one person twice once, and needs two distinct approvers', async () => {
    const filed = await createRequest(backend.server, backend.owners, {
      name: 'orders-prod',
      environment: 'production',
      storageGB: 10,
    });
    const id = filed.body.id;

    const first = await review(id, 'approve', PRIYA, 'sized right');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('awaiting-approval');
    expect(first.body.approval.approvals).toEqual([
      expect.objectContaining({ approver: PRIYA, comment: 'sized right' }),
    ]);

    const again = await review(id, 'approve', PRIYA);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /rule: approvals by distinct people/,
    );
    const between = await get(id);
    expect(between.body.status).toBe('awaiting-approval');
    expect(between.body.approval.approvals).toHaveLength(1);
    expect(between.body.events.map((e: any) => e.action)).toEqual([
      'created',
      'approval-added',
    ]);

    const second = await review(id, 'approve', PAT);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('provisioning');
    expect(second.body.approval.approvals.map((a: any) => a.approver)).toEqual([
      PRIYA,
      PAT,
    ]);
    const done = await get(id);
    const approved = done.body.events.find((e: any) => e.action === 'approved');
    expect(approved).toMatchObject({
      actor: PAT,
      fromStatus: 'awaiting-approval',
      toStatus: 'provisioning',
    });
    expect(approved.message).toMatch(/Approval 2 of 2 by .*priya.*pat/);
  });

  it('refuses to approve or reject a request that is already decided', async () => {
    const filed = await createRequest(backend.server, backend.owners, {
      name: 'billing-prod',
      environment: 'production',
      storageGB: 10,
    });
    const id = filed.body.id;
    expect((await review(id, 'reject', PAT, 'too big for now')).status).toBe(
      200,
    );
    for (const [action, user] of [
      ['approve', PRIYA],
      ['reject', PRIYA],
      ['approve', PAT],
    ]) {
      const res = await review(id, action, user);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(
        /it is rejected, already decided \(rule: only pending requests are reviewed\)/,
      );
    }
    const after = await get(id);
    expect(after.body.status).toBe('rejected');
    expect(after.body.approval.approvals).toEqual([]);
  });

  it('shows approvers their inbox, with cost, diff and whether they may approve', async () => {
    const filed = await createRequest(backend.server, backend.owners, {
      name: 'inbox-prod',
      environment: 'production',
      size: 'medium',
      storageGB: 40,
    });
    const inbox = async (user: string) =>
      (
        await request(backend.server)
          .get('/api/provisioning/approvals')
          .set('Authorization', mockCredentials.user.header(user))
      ).body.items as any[];

    const priyas = await inbox(PRIYA);
    const item = priyas.find(i => i.id === filed.body.id);
    expect(item).toMatchObject({
      subjectType: 'request',
      requestId: filed.body.id,
      title: 'Database inbox-prod (production)',
      requestedBy: SAM,
      cost: { monthly: 80, currency: 'EUR' },
      canApprove: true,
      approval: { required: 2, approvals: [] },
    });
    expect(item.diff).toContainEqual({ field: 'size', after: 'medium' });
    // Her own production request is listed but not approvable by her.
    expect(priyas.find(i => i.title.includes('platform-own'))).toMatchObject({
      canApprove: false,
      reason: expect.stringMatching(/rule: four eyes/),
    });
    // Staging is approved by the dba group only: not in a platform engineer's inbox.
    expect(priyas.some(i => i.environment === 'staging')).toBe(false);
    // Sam approves nothing, and is told so.
    expect(await inbox(SAM)).toEqual([]);
    const samsInbox = await request(backend.server)
      .get('/api/provisioning/approvals')
      .set('Authorization', mockCredentials.user.header(SAM));
    expect(samsInbox.body.environments).toEqual([]);
    const priyasInbox = await request(backend.server)
      .get('/api/provisioning/approvals')
      .set('Authorization', mockCredentials.user.header(PRIYA));
    // Staging is approved by the dba group in this backend.
    expect(priyasInbox.body.environments).toEqual([
      'development',
      'production',
      'ephemeral',
    ]);

    await review(filed.body.id, 'approve', PRIYA);
    const after = (await inbox(PRIYA)).find(i => i.id === filed.body.id);
    expect(after).toMatchObject({
      canApprove: false,
      reason: expect.stringMatching(/approved it already/),
    });
    expect((await inbox(PAT)).find(i => i.id === filed.body.id)).toMatchObject({
      canApprove: true,
    });
  });
});
