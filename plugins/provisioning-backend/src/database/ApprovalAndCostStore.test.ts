import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { KnexApprovalStore } from './ApprovalStore';
import { NewDatabaseRequest } from './DatabaseRequestStore';
import { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';

jest.setTimeout(60_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });

const PRIYA = 'user:default/priya.natarajan';
const PAT = 'user:default/pat.platform';

function newRequest(
  overrides: Partial<NewDatabaseRequest> = {},
): NewDatabaseRequest & { initialStatus: 'provisioning' } {
  return {
    type: 'postgresql',
    name: 'orders',
    owner: 'group:default/payments',
    environment: 'development',
    size: 'small',
    storageGB: 5,
    provider: 'sandbox',
    requestedBy: 'user:default/sam.rivera',
    approvalRequired: false,
    initialStatus: 'provisioning',
    cost: { monthly: 100.5, currency: 'EUR' },
    ...overrides,
  };
}

describe.each(ids)('approvals and cost on %s', databaseId => {
  let knex: Knex;
  let store: KnexDatabaseRequestStore;
  let approvals: KnexApprovalStore;
  let clock: Date;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = new Date('2026-12-10T10:00:00Z');
    store = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
    approvals = new KnexApprovalStore(knex, () => clock);
  });

  it('stores one approval per person and subject, oldest first', async () => {
    const subject = { type: 'request' as const, id: 'r-1' };
    const first = await approvals.add(subject, {
      approver: PRIYA,
      comment: 'fine',
    });
    expect(first.added).toBe(true);
    clock = new Date('2026-12-10T10:05:00Z');
    // Entity refs are compared lowercase: a differently cased ref is the same person.
    const again = await approvals.add(subject, {
      approver: PRIYA.toUpperCase(),
    });
    expect(again).toEqual({ added: false, approvals: first.approvals });
    const second = await approvals.add(subject, { approver: PAT });
    expect(second.approvals).toEqual([
      {
        approver: PRIYA,
        comment: 'fine',
        approvedAt: '2026-12-10T10:00:00.000Z',
      },
      { approver: PAT, approvedAt: '2026-12-10T10:05:00.000Z' },
    ]);
    // Another subject, or the same id as an operation, has approvals of its own.
    expect(await approvals.list({ type: 'operation', id: 'r-1' })).toEqual([]);
    const many = await approvals.listMany('request', ['r-1', 'r-2']);
    expect(many.get('r-1')).toHaveLength(2);
    expect(many.get('r-2')).toEqual([]);
  });

  it('counts concurrent approvals by one person once', async () => {
    const subject = { type: 'request' as const, id: 'r-race' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        approvals.add(subject, { approver: PAT }),
      ),
    );
    expect(results.filter(r => r.added)).toHaveLength(1);
    expect(await approvals.list(subject)).toHaveLength(1);
  });

  it('stores the cost of a request and sums the team total over live requests', async () => {
    const { request } = await store.createRequest(newRequest(), {
      quota: { maxRequests: 10, maxStorageGB: 100 },
    });
    expect(request.cost).toEqual({ monthly: 100.5, currency: 'EUR' });
    expect(await store.getRequest(request.id)).toEqual(request);
    await store.createRequest(
      newRequest({ name: 'ledger', cost: { monthly: 20.25, currency: 'EUR' } }),
      { quota: { maxRequests: 10, maxStorageGB: 100 } },
    );
    expect(await store.getUsage('group:default/payments')).toEqual({
      requests: 2,
      storageGB: 10,
      monthlyCost: 120.75,
    });
  });

  it('makes a request above the team budget need approval, naming the rule', async () => {
    const quota = { maxRequests: 10, maxStorageGB: 100, monthlyBudget: 150 };
    const under = await store.createRequest(newRequest(), { quota });
    expect(under.request).toMatchObject({
      status: 'provisioning',
      approvalRequired: false,
    });
    const over = await store.createRequest(newRequest({ name: 'ledger' }), {
      quota,
    });
    expect(over.request).toMatchObject({
      status: 'awaiting-approval',
      approvalRequired: true,
    });
    const [created] = await store.listEvents(over.request.id);
    expect(created.message).toBe(
      'Needs approval: the monthly cost of group:default/payments would be 201.00 EUR, above its budget of 150 (rule: quota.monthlyBudget)',
    );
  });

  it('prices requests filed before costs were stored, once', async () => {
    const { request } = await store.createRequest(
      newRequest({ cost: undefined }),
      { quota: { maxRequests: 10, maxStorageGB: 100 } },
    );
    expect(request.cost).toBeUndefined();
    const price = jest.fn(() => ({ monthly: 42, currency: 'EUR' }));
    expect(await store.priceUnpriced(price)).toBe(1);
    expect(price).toHaveBeenCalledWith(
      expect.objectContaining({ id: request.id }),
    );
    expect((await store.getRequest(request.id))?.cost).toEqual({
      monthly: 42,
      currency: 'EUR',
    });
    expect(await store.priceUnpriced(price)).toBe(0);
  });
});
