import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  createRequest,
  OUTSIDER,
  PRIYA,
  SAM,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

/** Sandbox prices of the test backend: small 20, medium 60, large 150, 0.50 per GB, EUR. */
describe('cost and the budget guardrail', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    backend = await startBackend({
      sandboxConnection: 'postgresql://postgres@127.0.0.1:1/postgres',
      defaultQuota: { monthlyBudget: 100 },
    });
  });

  const get = (path: string, user = SAM) =>
    request(backend.server)
      .get(`/api/provisioning${path}`)
      .set('Authorization', mockCredentials.user.header(user));

  it('serves the price table', async () => {
    const res = await get('/prices');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      currency: 'EUR',
      providers: {
        sandbox: {
          sizes: { small: 20, medium: 60, large: 150 },
          storageGBMonthly: 0.5,
        },
      },
      default: {
        sizes: { small: 30, medium: 90, large: 250 },
        storageGBMonthly: 0.12,
      },
    });
    expect(
      (
        await request(backend.server)
          .get('/api/provisioning/prices')
          .set('Authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
  });

  it('prices every request, sums team totals and asks for approval above the budget', async () => {
    const first = await createRequest(backend.server, backend.owners, {
      name: 'orders',
      size: 'small',
      storageGB: 5,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'provisioning',
      approvalRequired: false,
      cost: { monthly: 22.5, currency: 'EUR' },
    });
    const second = await createRequest(backend.server, backend.owners, {
      name: 'ledger',
      size: 'medium',
      storageGB: 20,
    });
    expect(second.body).toMatchObject({
      status: 'provisioning',
      cost: { monthly: 70, currency: 'EUR' },
    });

    // 92.50 so far; 25 more would be 117.50, above the budget of 100: it needs approval.
    const third = await createRequest(backend.server, backend.owners, {
      name: 'reports',
      size: 'small',
      storageGB: 10,
    });
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({
      status: 'awaiting-approval',
      approvalRequired: true,
      cost: { monthly: 25, currency: 'EUR' },
    });
    const detail = await get(`/requests/${third.body.id}`);
    expect(detail.body.events[0].message).toBe(
      'Needs approval: the monthly cost of group:default/payments would be 117.50 EUR, above its budget of 100 (rule: quota.monthlyBudget)',
    );
    expect(detail.body.approval).toMatchObject({
      required: 1,
      approvers: ['group:default/platform'],
    });

    const costs = await get('/costs?owner=group:default/payments');
    expect(costs.status).toBe(200);
    expect(costs.body).toEqual({
      currency: 'EUR',
      items: [
        {
          owner: 'group:default/payments',
          monthly: 117.5,
          currency: 'EUR',
          requests: 3,
          budget: 100,
        },
      ],
    });
    const policy = await get('/policy?owner=group:default/payments');
    expect(policy.body.usage.monthlyCost).toEqual({
      monthly: 117.5,
      currency: 'EUR',
    });

    // Once approved it goes ahead like any approved request.
    const approved = await request(backend.server)
      .post(`/api/provisioning/requests/${third.body.id}/approve`)
      .set('Authorization', mockCredentials.user.header(PRIYA))
      .send({ comment: 'budget raised next quarter' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('provisioning');
  });

  it('sums only what the caller may read, and refuses a malformed owner', async () => {
    // The outsider may read only the data team's requests: payments' costs stay hidden.
    const hidden = await get('/costs?owner=group:default/payments', OUTSIDER);
    expect(hidden.body.items).toEqual([
      {
        owner: 'group:default/payments',
        monthly: 0,
        currency: 'EUR',
        requests: 0,
        budget: 100,
      },
    ]);
    const bad = await get('/costs?owner=payments');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/owner: .*rule: entity ref/);
  });
});
