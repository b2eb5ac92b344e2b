import { TestDatabases } from '@backstage/backend-test-utils';
import { KnexUpgradeStore } from './KnexUpgradeStore';
import { NewUpgradeRecord } from './UpgradeStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const proposal = (
  overrides: Partial<NewUpgradeRecord> = {},
): NewUpgradeRecord => ({
  entityRef: 'component:default/orders',
  templateRef: 'template:default/typescript-service',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  createdBy: 'user:default/sam.rivera',
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'KnexUpgradeStore on %p',
  databaseId => {
    let store: KnexUpgradeStore;
    let now: number;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      now = Date.parse('2026-12-15T09:00:00Z');
      store = await KnexUpgradeStore.create(
        { getClient: async () => knex, migrations: { skip: false } },
        () => new Date(now),
      );
    });

    it('claims one active proposal per component and version, and reads it back exactly', async () => {
      const { upgrade, created } = await store.claim(proposal());
      expect(created).toBe(true);
      expect(upgrade).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        entityRef: 'component:default/orders',
        templateRef: 'template:default/typescript-service',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        status: 'proposing',
        conflicts: [],
        missingInputs: [],
        createdBy: 'user:default/sam.rivera',
        createdAt: new Date(now),
        updatedAt: new Date(now),
      });
      expect(await store.get(upgrade.id)).toEqual(upgrade);

      const again = await store.claim(
        proposal({ createdBy: 'plugin:golden-paths' }),
      );
      expect(again).toEqual({ upgrade, created: false });
      // Another component, or another version, is another proposal.
      expect(
        (await store.claim(proposal({ entityRef: 'component:default/ledger' })))
          .created,
      ).toBe(true);
      expect(
        (await store.claim(proposal({ toVersion: '1.2.0' }))).created,
      ).toBe(true);
    });

    it('lets two claims at the same moment make one proposal', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.claim(proposal())),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.upgrade.id)).size).toBe(1);
    });

    it('records progress, finds a proposal by its change request, and frees the slot when final', async () => {
      const { upgrade } = await store.claim(proposal());
      now += 60_000;
      const open = await store.update(upgrade.id, {
        status: 'needs-attention',
        changeKey: 'local:orders!1',
        changeUrl: 'http://localhost:3000/git/orders/merge-requests/1',
        conflicts: ['docs/runbook.md'],
      });
      expect(open).toMatchObject({
        status: 'needs-attention',
        conflicts: ['docs/runbook.md'],
        updatedAt: new Date(now),
      });
      expect(await store.findByChangeKey('local:orders!1')).toEqual(open);
      expect((await store.claim(proposal())).created).toBe(false);

      await store.update(upgrade.id, { status: 'closed' });
      const next = await store.claim(proposal());
      expect(next.created).toBe(true);
      await store.update(next.upgrade.id, {
        status: 'failed',
        error: 'git push failed',
      });
      expect((await store.get(next.upgrade.id))?.error).toBe('git push failed');
      await expect(
        store.update('00000000-0000-0000-0000-000000000000', {
          status: 'open',
        }),
      ).rejects.toThrow(/does not exist/);
    });

    it('answers the latest proposal of each component', async () => {
      const first = await store.claim(proposal());
      await store.update(first.upgrade.id, { status: 'merged' });
      now += 1000;
      const second = await store.claim(
        proposal({ fromVersion: '1.1.0', toVersion: '1.2.0' }),
      );
      const other = await store.claim(
        proposal({ entityRef: 'component:default/ledger' }),
      );
      const latest = await store.latestPerEntity();
      expect([...latest.keys()].sort()).toEqual([
        'component:default/ledger',
        'component:default/orders',
      ]);
      expect(latest.get('component:default/orders')?.id).toBe(
        second.upgrade.id,
      );
      expect(latest.get('component:default/ledger')?.id).toBe(other.upgrade.id);
      expect([
        ...(await store.latestPerEntity(['component:default/ledger'])).keys(),
      ]).toEqual(['component:default/ledger']);
      expect(
        (
          await store.list({ entityRef: 'component:default/orders', limit: 10 })
        ).map(u => u.toVersion),
      ).toEqual(['1.2.0', '1.1.0']);
    });

    it('records each notice once: a second mark of the same notice loses, a failed send sets it back', async () => {
      const { upgrade } = await store.claim(proposal());
      expect(upgrade.notified).toBeUndefined();
      const marks = await Promise.all(
        Array.from({ length: 3 }, () =>
          store.markNotified(upgrade.id, 'opened', undefined),
        ),
      );
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect((await store.get(upgrade.id))?.notified).toBe('opened');
      // The next notice replaces it only from the one expected.
      expect(await store.markNotified(upgrade.id, 'conflicts', undefined)).toBe(
        false,
      );
      expect(await store.markNotified(upgrade.id, 'conflicts', 'opened')).toBe(
        true,
      );
      // Sending failed: set back.
      expect(await store.markNotified(upgrade.id, 'opened', 'conflicts')).toBe(
        true,
      );
      expect((await store.get(upgrade.id))?.notified).toBe('opened');
      expect(await store.markNotified(upgrade.id, undefined, 'opened')).toBe(
        true,
      );
      expect((await store.get(upgrade.id))?.notified).toBeUndefined();
    });

    it('keeps the inputs a proposal waits for, and lets one run take it up again', async () => {
      const { upgrade } = await store.claim(proposal());
      // Not waiting for inputs: nothing to take up.
      expect(await store.resume(upgrade.id)).toBe(false);
      const waiting = await store.update(upgrade.id, {
        status: 'needs-attention',
        missingInputs: ['tier', 'costCentre'],
      });
      expect(waiting.missingInputs).toEqual(['tier', 'costCentre']);
      const resumed = await Promise.all(
        Array.from({ length: 3 }, () => store.resume(upgrade.id)),
      );
      expect(resumed.filter(Boolean)).toHaveLength(1);
      expect(await store.get(upgrade.id)).toMatchObject({
        status: 'proposing',
        missingInputs: [],
      });
      // A conflicted proposal with a change request is never taken up again.
      await store.update(upgrade.id, {
        status: 'needs-attention',
        changeKey: 'local:orders!1',
        conflicts: ['README.md'],
      });
      expect(await store.resume(upgrade.id)).toBe(false);
    });
  },
);
