import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { upgradeSchema } from '@paved/plugin-golden-paths-common';
import request from 'supertest';
import {
  commitEdit,
  createServiceAt100,
  readFile,
} from '../__testUtils__/gitRepositories';
import {
  generatedComponent,
  lee,
  sam,
  startUpgradeBackend,
} from '../__testUtils__/upgradeBackend';

jest.setTimeout(120_000);

/**
 * The whole flow through HTTP, with the real githost plugin beside golden-paths: propose, the
 * merge request on the local git host, its merge by an owner, and the proposal following it.
 */
describe('template upgrades end to end (golden-paths + githost, real git)', () => {
  const dir = createMockDirectory();
  let gitHost: LocalGitHost;
  let backend: Awaited<ReturnType<typeof startUpgradeBackend>>;

  beforeAll(async () => {
    dir.clear();
    gitHost = new LocalGitHost(dir.resolve('git'));
    await createServiceAt100(gitHost, 'orders');
    await createServiceAt100(gitHost, 'ledger');
    await createServiceAt100(gitHost, 'search-api');
    backend = await startUpgradeBackend({
      gitDirectory: dir.resolve('git'),
      components: [
        generatedComponent('orders', { version: '1.0.0' }),
        generatedComponent('ledger', { version: '1.0.0' }),
        generatedComponent('search-api', { version: '1.0.0', owner: 'search' }),
        generatedComponent('current-api', { version: '1.1.0' }),
      ],
    });
  });
  afterAll(() => backend?.stop());

  const api = (path: string) => `/api/golden-paths${path}`;
  const propose = (entityRef: string, auth = sam) =>
    request(backend.server)
      .post(api('/upgrades'))
      .set('authorization', auth)
      .send({ entityRef });

  it('upgrades a 1.0.0 repository with a local edit to 1.1.0, and the merge request merges', async () => {
    await commitEdit(gitHost, 'orders', {
      'README.md': readme =>
        `${readme.trimEnd()}\n\nOrders are kept for 30 days.`,
    });

    const res = await propose('component:default/orders');
    expect(res.status).toBe(201);
    const upgrade = upgradeSchema.parse(res.body);
    expect(upgrade).toMatchObject({
      entityRef: 'component:default/orders',
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      status: 'open',
      changeUrl: 'http://localhost:3000/git/orders/merge-requests/1',
      conflicts: [],
      createdBy: 'user:default/sam.rivera',
    });
    expect(
      (
        await request(backend.server)
          .get(api(`/upgrades/${upgrade.id}`))
          .set('authorization', sam)
      ).body,
    ).toEqual(res.body);

    // The merge request Paved opened on the local git host, with the diff an owner reviews.
    const mr = await request(backend.server)
      .get('/api/githost/repositories/orders/merge-requests/1')
      .set('authorization', sam);
    expect(mr.status).toBe(200);
    expect(mr.body.mergeRequest).toMatchObject({
      sourceBranch: 'paved/upgrade-1.1.0',
      targetBranch: 'main',
      conflicted: false,
      author: 'plugin:golden-paths',
    });
    // 1.1.0's database inputs come from a step that a service made without a database never ran:
    // they are what a service made today without one gets, so one line, not a paragraph each.
    expect(mr.body.mergeRequest.description.split('\n').slice(-3)).toEqual([
      'It merged cleanly: review the diff and merge.',
      '',
      '3 optional inputs left empty: `databaseRef`, `databaseName`, `databaseSecret`.',
    ]);

    // The owners are told, with a link to the change request.
    expect(backend.notifications).toEqual([
      {
        recipients: { type: 'entity', entityRef: ['group:default/payments'] },
        payload: expect.objectContaining({
          title:
            'Template upgrade proposed: component:default/orders to template:default/typescript-service 1.1.0',
          link: 'http://localhost:3000/git/orders/merge-requests/1',
          severity: 'normal',
          topic: 'golden-path-upgrades',
          scope: `golden-paths:upgrade:${upgrade.id}`,
        }),
      },
    ]);

    // A second proposal for the same version is refused, naming the first.
    const again = await propose('component:default/orders');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `entityRef: an upgrade of component:default/orders to 1.1.0 is already proposed (${upgrade.id}, open) (rule: one-proposal-per-version)`,
    );

    // An owner merges; the proposal follows and the repository says 1.1.0.
    const merged = await request(backend.server)
      .post('/api/githost/repositories/orders/merge-requests/1/merge')
      .set('authorization', sam)
      .send({});
    expect(merged.status).toBe(200);
    await waitFor(
      async () =>
        (
          await request(backend.server)
            .get(api(`/upgrades/${upgrade.id}`))
            .set('authorization', sam)
        ).body.status === 'merged',
    );
    const catalogInfo = await readFile(
      gitHost,
      'orders',
      'main',
      'catalog-info.yaml',
    );
    expect(catalogInfo).toContain('paved.dev/template-version: "1.1.0"');
    expect(await readFile(gitHost, 'orders', 'main', 'README.md')).toContain(
      'Orders are kept for 30 days.',
    );
    expect(
      await readFile(gitHost, 'orders', 'main', '.github/dependabot.yml'),
    ).toContain('package-ecosystem: npm');
    expect(backend.refreshed).toContain('component:default/orders');
  });

  it('marks a conflicting upgrade as needing attention, on the proposal and the merge request', async () => {
    await commitEdit(gitHost, 'ledger', {
      'docs/runbook.md': runbook =>
        runbook.replace(
          'so it shows on the DORA tab of the component.\n',
          'so it shows on the DORA tab of the component.\n\n## Our own dependency policy\n\nWe pin everything.\n',
        ),
    });
    const res = await propose('component:default/ledger');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'needs-attention',
      conflicts: ['docs/runbook.md'],
    });
    const mr = await request(backend.server)
      .get('/api/githost/repositories/ledger/merge-requests/1')
      .set('authorization', sam);
    expect(mr.body.mergeRequest).toMatchObject({
      conflicted: true,
      title:
        'Upgrade to template:default/typescript-service 1.1.0 (needs attention)',
    });
    expect(mr.body.mergeRequest.description).toContain('`docs/runbook.md`');
    // The owners are told it needs attention, with high severity and the conflicting file.
    const notice = backend.notifications.find(
      n => n.payload.scope === `golden-paths:upgrade:${res.body.id}`,
    );
    expect(notice).toMatchObject({
      recipients: { type: 'entity', entityRef: ['group:default/payments'] },
      payload: {
        title:
          'Template upgrade needs attention: component:default/ledger to template:default/typescript-service 1.1.0',
        link: 'http://localhost:3000/git/ledger/merge-requests/1',
        severity: 'high',
      },
    });
    expect(notice!.payload.description).toContain('docs/runbook.md');
  });

  it('shows template drift: versions, states and open proposals', async () => {
    const res = await request(backend.server)
      .get(api('/drift'))
      .set('authorization', sam);
    expect(res.status).toBe(200);
    const [drift] = res.body.items;
    expect(drift).toMatchObject({
      templateRef: 'template:default/typescript-service',
      latestVersion: '1.1.0',
      versions: { '1.0.0': 3, '1.1.0': 1 },
    });
    const states = Object.fromEntries(
      drift.components.map((c: any) => [c.entityRef, c.state]),
    );
    expect(states).toEqual({
      // orders merged, but the mock catalog still holds the entity it read before the merge.
      'component:default/orders': 'outdated',
      'component:default/ledger': 'needs-attention',
      'component:default/search-api': 'outdated',
      'component:default/current-api': 'current',
    });
    const ledger = drift.components.find(
      (c: any) => c.entityRef === 'component:default/ledger',
    );
    expect(ledger.upgrade.changeUrl).toBe(
      'http://localhost:3000/git/ledger/merge-requests/1',
    );
  });

  it('refuses a component already at the latest version', async () => {
    const res = await propose('component:default/current-api');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /^entityRef: component:default\/current-api is already at 1.1.0; .* \(rule: outdated\)$/,
    );
  });

  it.each([
    [{}, /entityRef: .*required/],
    [{ entityRef: '' }, /entityRef: /],
    [
      { entityRef: 'component:default/orders', force: true },
      /^body: has a field that is not known \(rule: no-unknown-fields\)$/,
    ],
  ])('answers 400 naming the field for %j', async (body, message) => {
    const res = await request(backend.server)
      .post(api('/upgrades'))
      .set('authorization', sam)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an unknown component or proposal', async () => {
    expect((await propose('component:default/nope')).status).toBe(404);
    expect(
      (
        await request(backend.server)
          .get(api('/upgrades/00000000-0000-4000-8000-000000000000'))
          .set('authorization', sam)
      ).status,
    ).toBe(404);
  });

  it('lists the proposals of a component', async () => {
    const res = await request(backend.server)
      .get(
        api(
          `/upgrades?entityRef=${encodeURIComponent(
            'component:default/ledger',
          )}`,
        ),
      )
      .set('authorization', sam);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: any) => u.status)).toEqual([
      'needs-attention',
    ]);
    // lee may read, but not propose for another team (see upgrades.security.test.ts).
    expect((await propose('component:default/search-api', lee)).status).toBe(
      201,
    );
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
