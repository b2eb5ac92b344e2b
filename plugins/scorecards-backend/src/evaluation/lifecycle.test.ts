import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Fact } from '@paved/plugin-scorecards-common';
import { createStores, ScorecardsStores } from '../database';
import { DefinitionsLoader } from '../checks/DefinitionsLoader';
import { ScorecardsEngine } from './ScorecardsEngine';
import { Campaigns } from '../campaigns/Campaigns';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const DAY = 86_400_000;

const check = (id: string, fact: string) => ({
  id,
  title: id,
  description: 'd',
  fact,
  operator: '==',
  threshold: true,
  howToFix: 'x',
});

describe.each(databases.eachSupportedId())(
  'exemptions and campaigns over time on %p',
  databaseId => {
    let stores: ScorecardsStores;
    let engine: ScorecardsEngine;
    let now: Date;
    const clock = () => now;

    const fact = (entityRef: string, factId: string, value: boolean): Fact => ({
      entityRef,
      factId,
      status: 'known',
      value,
      source: 'catalog',
      observedAt: now.toISOString(),
    });

    beforeAll(async () => {
      now = new Date('2026-12-07T10:00:00Z');
      const knex = await databases.init(databaseId);
      stores = await createStores(
        { getClient: async () => knex, migrations: { skip: false } },
        clock,
      );
      const definitions = new DefinitionsLoader({
        files: [],
        inlineChecks: [
          check('has-docs', 'catalog.hasDocs'),
          check('has-runbook', 'repo.hasRunbook'),
        ],
        inlineScorecards: [
          {
            id: 'basics',
            title: 'Basics',
            description: 'd',
            levels: { bronze: ['has-docs'], silver: ['has-runbook'], gold: [] },
          },
        ],
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
      });
      engine = new ScorecardsEngine({
        stores,
        definitions,
        logger: mockServices.logger.mock(),
        now: clock,
      });
      await stores.entities.syncEntities(
        ['a', 'b'].map(name => ({
          entityRef: `component:default/${name}`,
          kind: 'component',
          owner: 'group:default/payments',
          catalogEtag: '1',
        })),
        { complete: true },
      );
      await stores.facts.upsertFacts([
        fact('component:default/a', 'catalog.hasDocs', false),
        fact('component:default/a', 'repo.hasRunbook', true),
        fact('component:default/b', 'catalog.hasDocs', false),
        fact('component:default/b', 'repo.hasRunbook', false),
      ]);
      await engine.evaluateStale();
    });

    it('counts an approved exemption until it expires, then the check fails again', async () => {
      expect(
        (await stores.entities.getEntity('component:default/a'))!.levels.basics,
      ).toBeNull();
      const exemption = await stores.exemptions.create({
        id: '00000000-0000-4000-8000-000000000001',
        entityRef: 'component:default/a',
        checkId: 'has-docs',
        reason: 'Docs live in the wiki until the migration',
        expiresAt: new Date(now.getTime() + DAY).toISOString(),
        requestedBy: 'user:default/sam',
        requestedAt: now.toISOString(),
      });
      // Pending: does not count yet.
      await stores.entities.markStale(['component:default/a']);
      await engine.evaluateStale();
      expect(
        (await stores.entities.getEntity('component:default/a'))!.results[
          'has-docs'
        ].status,
      ).toBe('fail');

      await stores.exemptions.review(exemption.id, {
        status: 'approved',
        reviewedBy: 'user:default/priya',
        reviewedAt: now.getTime(),
      });
      await stores.entities.markStale(['component:default/a']);
      await engine.evaluateStale();
      let a = (await stores.entities.getEntity('component:default/a'))!;
      expect(a.results['has-docs']).toMatchObject({
        status: 'exempt',
        exemptionId: exemption.id,
      });
      expect(a.levels.basics).toBe('silver');

      // A day and a second later: the scheduled run notices the expiry and evaluates again.
      now = new Date(now.getTime() + DAY + 1000);
      await engine.expireExemptions(3 * 60_000);
      expect(await engine.evaluateStale()).toBe(1);
      a = (await stores.entities.getEntity('component:default/a'))!;
      expect(a.results['has-docs'].status).toBe('fail');
      expect(a.levels.basics).toBeNull();
      expect((await stores.exemptions.get(exemption.id))!.status).toBe(
        'expired',
      );
    });

    it("tracks a campaign's progress by day and reminds owners while entities still fail", async () => {
      const send = jest.fn();
      const campaigns = new Campaigns({
        stores,
        engine,
        notifications: { send },
        logger: mockServices.logger.mock(),
        reminderDays: 7,
        now: clock,
      });
      const created = await campaigns.create(
        {
          title: 'Runbooks everywhere',
          description: '',
          checkId: 'has-runbook',
          target: { owners: ['group:default/payments'] },
          deadline: new Date(now.getTime() + 30 * DAY).toISOString(),
        },
        {
          $$type: '@backstage/BackstageCredentials',
          principal: { type: 'user', userEntityRef: 'user:default/priya' },
        },
      );
      expect(created.progress).toMatchObject({ total: 2, done: 1 });
      expect(created.progress.remaining.map(r => r.entityRef)).toEqual([
        'component:default/b',
      ]);

      await campaigns.track();
      expect(send).toHaveBeenCalledTimes(1);
      expect(send.mock.calls[0][0]).toMatchObject({
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: { link: `/scorecards/campaigns/${created.id}` },
      });
      await campaigns.track();
      expect(send).toHaveBeenCalledTimes(1);

      // The next day b gets its runbook: the fact changes, the entity is evaluated, progress rises.
      const firstDay = now.toISOString().slice(0, 10);
      now = new Date(now.getTime() + DAY);
      await stores.facts.upsertFacts([
        fact('component:default/b', 'repo.hasRunbook', true),
      ]);
      await engine.evaluateStale();
      await campaigns.track();
      const progress = (await campaigns.get(created.id)).progress;
      expect(progress).toMatchObject({ total: 2, done: 2, remaining: [] });
      expect(progress.history).toEqual([
        { day: firstDay, done: 1, total: 2 },
        { day: now.toISOString().slice(0, 10), done: 2, total: 2 },
      ]);
      // Nothing left to do: no reminder, even when one would be due.
      now = new Date(now.getTime() + 8 * DAY);
      await campaigns.track();
      expect(send).toHaveBeenCalledTimes(1);
    });
  },
);
