import { TestDatabases } from '@backstage/backend-test-utils';
import { createStores, ScorecardsStores } from '.';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const at = (iso: string) => new Date(iso);

describe.each(databases.eachSupportedId())(
  'scorecards stores on %p',
  databaseId => {
    let stores: ScorecardsStores;
    let now: Date;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      now = at('2026-12-07T10:00:00Z');
      stores = await createStores(
        { getClient: async () => knex, migrations: { skip: false } },
        () => now,
      );
    });

    it('tracks catalog entities and reports which changed', async () => {
      const entities = [
        {
          entityRef: 'component:default/a',
          kind: 'component',
          owner: 'group:default/payments',
          catalogEtag: '1',
        },
        {
          entityRef: 'component:default/b',
          kind: 'component',
          owner: 'group:default/payments',
          catalogEtag: '1',
        },
        {
          entityRef: 'component:default/c',
          kind: 'component',
          owner: 'group:default/platform',
          catalogEtag: '1',
        },
      ];
      const first = await stores.entities.syncEntities(entities, {
        complete: true,
      });
      expect(first.map(e => e.entityRef)).toEqual([
        'component:default/a',
        'component:default/b',
        'component:default/c',
      ]);
      // Not collected yet: still reported as changed on the next sync.
      expect(
        await stores.entities.syncEntities(entities, { complete: true }),
      ).toHaveLength(3);
      await stores.entities.markCollected(first, now.getTime());
      expect(
        await stores.entities.syncEntities(entities, { complete: true }),
      ).toEqual([]);

      const changed = await stores.entities.syncEntities(
        [{ ...entities[0], catalogEtag: '2' }, entities[1]],
        { complete: true },
      );
      expect(changed).toEqual([
        { entityRef: 'component:default/a', catalogEtag: '2' },
      ]);
      expect(
        await stores.entities.getEntity('component:default/c'),
      ).toBeUndefined();
      expect(
        (
          await stores.entities.listEntities({
            owners: ['group:default/payments'],
          })
        ).map(e => e.entityRef),
      ).toEqual(['component:default/a', 'component:default/b']);
    });

    it('keeps the latest value of each fact, known or unknown, and marks the entity for evaluation', async () => {
      await stores.entities.saveEvaluations([
        {
          entityRef: 'component:default/a',
          results: {},
          levels: {},
          evaluatedAt: 1,
        },
      ]);
      expect(
        (await stores.entities.getEntity('component:default/a'))!.stale,
      ).toBe(false);
      await stores.facts.upsertFacts([
        {
          entityRef: 'component:default/a',
          factId: 'ci.coverage',
          status: 'known',
          value: 71.5,
          source: 'ci',
          observedAt: '2026-12-07T09:00:00.000Z',
        },
        {
          entityRef: 'component:default/a',
          factId: 'repo.hasRunbook',
          status: 'unknown',
          value: null,
          reason: 'repository unreachable',
          source: 'repository',
          observedAt: '2026-12-07T09:00:00.000Z',
        },
        {
          entityRef: 'component:default/a',
          factId: 'policy.paved-no-root',
          status: 'known',
          value: 1,
          detail: [{ containers: ['app'] }],
          source: 'ci',
          observedAt: '2026-12-07T09:00:00.000Z',
        },
      ]);
      await stores.facts.upsertFacts([
        {
          entityRef: 'component:default/a',
          factId: 'ci.coverage',
          status: 'known',
          value: 84,
          source: 'ci',
          observedAt: '2026-12-07T09:30:00.000Z',
        },
      ]);
      const facts = (await stores.facts.factsFor(['component:default/a'])).get(
        'component:default/a',
      )!;
      expect(facts.find(f => f.factId === 'ci.coverage')).toMatchObject({
        value: 84,
        observedAt: '2026-12-07T09:30:00.000Z',
      });
      expect(facts.find(f => f.factId === 'repo.hasRunbook')).toMatchObject({
        status: 'unknown',
        value: null,
        reason: 'repository unreachable',
      });
      expect(
        facts.find(f => f.factId === 'policy.paved-no-root')!.detail,
      ).toEqual([{ containers: ['app'] }]);
      expect(
        (await stores.entities.getEntity('component:default/a'))!.stale,
      ).toBe(true);

      await stores.facts.deleteFactsExcept('component:default/a', 'ci', [
        'ci.coverage',
      ]);
      const after = (await stores.facts.factsFor(['component:default/a'])).get(
        'component:default/a',
      )!;
      expect(after.map(f => f.factId).sort()).toEqual([
        'ci.coverage',
        'repo.hasRunbook',
      ]);

      await stores.facts.setSourceEtag(
        'repository',
        'component:default/a',
        'abc',
      );
      await stores.facts.setSourceEtag(
        'repository',
        'component:default/a',
        'def',
      );
      expect(
        await stores.facts.sourceEtag('repository', 'component:default/a'),
      ).toBe('def');
    });

    it('saves evaluations and a daily roll-up history', async () => {
      await stores.entities.saveEvaluations([
        {
          entityRef: 'component:default/b',
          results: {
            'has-runbook': {
              checkId: 'has-runbook',
              status: 'pass',
              reason: 'ok',
            },
          },
          levels: { production: 'bronze' },
          evaluatedAt: now.getTime(),
        },
      ]);
      const b = await stores.entities.getEntity('component:default/b');
      expect(b).toMatchObject({
        levels: { production: 'bronze' },
        stale: false,
        evaluatedAt: now.getTime(),
      });
      const levels = { none: 1, bronze: 1, silver: 0, gold: 0 };
      await stores.entities.saveRollups([
        {
          scope: 'organization',
          scorecardId: 'production',
          day: '2026-12-06',
          levels,
          met: 3,
          applicable: 8,
        },
        {
          scope: 'organization',
          scorecardId: 'production',
          day: '2026-12-07',
          levels,
          met: 4,
          applicable: 8,
        },
      ]);
      await stores.entities.saveRollups([
        {
          scope: 'organization',
          scorecardId: 'production',
          day: '2026-12-07',
          levels,
          met: 5,
          applicable: 8,
        },
      ]);
      const history = await stores.entities.rollupHistory(
        'organization',
        '2026-12-01',
      );
      expect(history.map(h => [h.day, h.met])).toEqual([
        ['2026-12-06', 3],
        ['2026-12-07', 5],
      ]);
    });

    it('lets an exemption be reviewed once and stop counting when it expires', async () => {
      const exemption = await stores.exemptions.create({
        id: '6c1c3b0e-5f0a-4a39-8f0e-000000000001',
        entityRef: 'component:default/b',
        checkId: 'has-runbook',
        reason: 'Decommissioned in January, no runbook needed',
        expiresAt: '2026-12-08T10:00:00.000Z',
        requestedBy: 'user:default/sam.rivera',
        requestedAt: now.toISOString(),
      });
      expect(exemption.status).toBe('pending');
      const review = {
        status: 'approved' as const,
        reviewedBy: 'user:default/priya',
        reviewedAt: now.getTime(),
      };
      expect(await stores.exemptions.review(exemption.id, review)).toBe(true);
      expect(
        await stores.exemptions.review(exemption.id, {
          ...review,
          status: 'rejected',
        }),
      ).toBe(false);
      expect(await stores.exemptions.get(exemption.id)).toMatchObject({
        status: 'approved',
        reviewedBy: 'user:default/priya',
      });

      now = at('2026-12-08T10:00:01Z');
      expect((await stores.exemptions.get(exemption.id))!.status).toBe(
        'expired',
      );
      expect(
        (
          await stores.exemptions.expiredBetween(
            at('2026-12-08T00:00:00Z').getTime(),
            now.getTime(),
          )
        ).map(e => e.id),
      ).toEqual([exemption.id]);
      expect(
        await stores.exemptions.list({
          entityRefs: ['component:default/b'],
          statuses: ['approved'],
        }),
      ).toEqual([]);
      now = at('2026-12-07T10:00:00Z');
    });

    it('keeps campaigns, their daily progress, and one notification claim per interval', async () => {
      const campaign = await stores.campaigns.create({
        id: '6c1c3b0e-5f0a-4a39-8f0e-0000000000c1',
        title: 'Runbooks for everyone',
        description: 'Every service has a runbook by January.',
        checkId: 'has-runbook',
        target: { owners: ['group:default/payments'] },
        deadline: '2027-01-31T00:00:00.000Z',
        createdBy: 'user:default/priya',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      expect(campaign.target).toEqual({ owners: ['group:default/payments'] });
      await stores.campaigns.recordProgress(campaign.id, '2026-12-07', 1, 2);
      await stores.campaigns.recordProgress(campaign.id, '2026-12-07', 2, 2);
      expect(await stores.campaigns.progressHistory(campaign.id)).toEqual([
        { day: '2026-12-07', done: 2, total: 2 },
      ]);
      const day = 86_400_000;
      expect(
        await stores.campaigns.claimNotification(
          campaign.id,
          now.getTime(),
          day,
        ),
      ).toBe(true);
      expect(
        await stores.campaigns.claimNotification(
          campaign.id,
          now.getTime() + 1000,
          day,
        ),
      ).toBe(false);
      expect(
        await stores.campaigns.claimNotification(
          campaign.id,
          now.getTime() + day,
          day,
        ),
      ).toBe(true);
      const updated = await stores.campaigns.update(campaign.id, {
        title: 'Runbooks, please',
        updatedAt: now.toISOString(),
      });
      expect(updated!.title).toBe('Runbooks, please');
      expect(await stores.campaigns.delete(campaign.id)).toBe(true);
      expect(await stores.campaigns.progressHistory(campaign.id)).toEqual([]);
    });

    it('records fix attempts, one open per check, until they finish', async () => {
      const attempt = await stores.fixes.create({
        id: '6c1c3b0e-5f0a-4a39-8f0e-0000000000f1',
        entityRef: 'component:default/b',
        checkId: 'has-docs',
        fixerId: 'template',
        status: 'started',
        startedBy: 'user:default/sam.rivera',
        startedAt: now.toISOString(),
        externalId: 'task-1',
        url: '/create/tasks/task-1',
      });
      expect(
        await stores.fixes.openFor('component:default/b', 'has-docs'),
      ).toEqual(attempt);
      expect((await stores.fixes.listOpen()).map(a => a.id)).toEqual([
        attempt.id,
      ]);
      await stores.fixes.finish(attempt.id, {
        status: 'completed',
        finishedAt: now.toISOString(),
      });
      expect(
        await stores.fixes.openFor('component:default/b', 'has-docs'),
      ).toBeUndefined();
      expect(
        (await stores.fixes.latestFor('component:default/b')).get('has-docs')!
          .status,
      ).toBe('completed');
    });
  },
);
