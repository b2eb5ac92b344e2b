import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitHost } from '@paved/plugin-githost-node';
import pLimit from 'p-limit';
import request from 'supertest';
import { createServiceAt100 } from '../__testUtils__/gitRepositories';
import { createTestRenderer } from '../__testUtils__/templates';
import {
  generatedComponent,
  priya,
  sam,
  startUpgradeBackend,
} from '../__testUtils__/upgradeBackend';

/*
 * The scheduled proposal run (POST /upgrades/runs starts it by hand). With BENCH_REPOSITORIES set
 * this is also the benchmark of issue 14 (bench/golden-paths/upgrades.sh): that many repositories
 * generated at 1.0.0, every upgrade proposed in one run, total and per-repository time printed.
 */
const REPOSITORIES = Number(process.env.BENCH_REPOSITORIES ?? 5);

jest.setTimeout(Math.max(120_000, REPOSITORIES * 3_000));

describe(`the scheduled proposal run over ${REPOSITORIES} repositories`, () => {
  const dir = createMockDirectory();
  let notificationDown = false;
  let backend: Awaited<ReturnType<typeof startUpgradeBackend>>;
  const names = Array.from(
    { length: REPOSITORIES },
    (_, i) => `service-${String(i).padStart(3, '0')}`,
  );

  beforeAll(async () => {
    dir.clear();
    const gitHost = new LocalGitHost(dir.resolve('git'));
    const renderer = createTestRenderer();
    const limit = pLimit(4);
    await Promise.all(
      names.map(name =>
        limit(() => createServiceAt100(gitHost, name, renderer)),
      ),
    );
    backend = await startUpgradeBackend({
      gitDirectory: dir.resolve('git'),
      components: names.map(name =>
        generatedComponent(name, { version: '1.0.0' }),
      ),
      // The notifications backend is down for the first repository's notice, once.
      sendNotification: async notification => {
        if (
          !notificationDown &&
          notification.payload.title.includes(`/${names[0]} `)
        ) {
          notificationDown = true;
          throw new Error('notifications backend unavailable');
        }
      },
    });
  });
  afterAll(() => backend?.stop());

  const run = (auth: string) =>
    request(backend.server)
      .post('/api/golden-paths/upgrades/runs')
      .set('authorization', auth);

  it('proposes every due upgrade once, and nothing on the next run', async () => {
    const first = await run(priya);
    expect(first.status).toBe(200);
    expect(first.body.failed).toEqual([]);
    expect([...first.body.proposed].sort()).toEqual(
      names.map(name => `component:default/${name}`),
    );
    expect(first.body.durationsMs).toHaveLength(REPOSITORIES);

    const durations = [...first.body.durationsMs].sort((a, b) => a - b);
    const at = (q: number) =>
      durations[
        Math.min(durations.length - 1, Math.floor(q * durations.length))
      ];
    // eslint-disable-next-line no-console
    console.log(
      [
        `Upgrade proposals: ${REPOSITORIES} repositories in ${(
          first.body.totalMs / 1000
        ).toFixed(1)} s`,
        `(${(first.body.totalMs / REPOSITORIES).toFixed(
          0,
        )} ms per repository of wall time;`,
        `each proposal median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${
          durations[durations.length - 1]
        } ms)`,
      ].join(' '),
    );

    const drift = await request(backend.server)
      .get('/api/golden-paths/drift')
      .set('authorization', sam);
    expect(
      drift.body.items[0].components.every((c: any) => c.state === 'proposed'),
    ).toBe(true);

    // Each owner is told once; the notice that could not be sent waits for the next run.
    const noticesOf = (name: string) =>
      backend.notifications.filter(n =>
        n.payload.title.includes(`component:default/${name} `),
      ).length;
    expect(notificationDown).toBe(true);
    expect(names.map(noticesOf)).toEqual(
      names.map((_, i) => (i === 0 ? 0 : 1)),
    );

    const second = await run(priya);
    expect(second.body).toMatchObject({
      proposed: [],
      failed: [],
      skipped: REPOSITORIES,
    });
    // The second run sends the missing notice, and re-notifies nobody.
    expect(names.map(noticesOf)).toEqual(names.map(() => 1));
    await run(priya);
    expect(backend.notifications).toHaveLength(REPOSITORIES);
  });

  it('is started by hand by the platform team only', async () => {
    const res = await run(sam);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/only members of the platform team/);
  });
});
