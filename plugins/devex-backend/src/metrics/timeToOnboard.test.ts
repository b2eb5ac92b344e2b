import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent } from '@paved/plugin-devex-common';
import { createTestStores } from '../__testUtils__/testStores';
import { PersonInfo } from '../catalog/PeopleDirectory';
import { identitiesOf, timeToOnboard } from './timeToOnboard';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const CI = { writer: 'service:external:ci', receivedAt: 1 };
const SERVICE = 'component:default/payments-api';
const at = (s: string) => Date.parse(`2026-${s}:00Z`);
const iso = (s: string) => `2026-${s}:00Z`;
const WINDOW = { from: at('10-01T00:00'), to: at('11-01T00:00') };
const ref = (name: string) => `user:default/${name}`;

const person = (name: string, extra: Partial<PersonInfo> = {}): PersonInfo => ({
  entityRef: ref(name),
  name,
  login: null,
  startDate: null,
  groups: ['group:default/payments'],
  ...extra,
});

/*
 * Hand-computed fixture (hours from the start):
 *   alice  start 10-05 (paved.dev/start-date). Merged a change on 10-04 (before her start: not
 *          her first since starting) and one on 10-06 12:00 as user:default/alice → 36 h.
 *          Deployments triggered under her GitHub login Alice-GH: staging 10-05 12:00 and a failed
 *          production one 10-06 do not count; production success 10-07 00:00 → 48 h.
 *   bob    no start date; first seen in the catalog 10-10 00:00. Merged 10-10 06:00 as "bob" (his
 *          entity name) → 6 h. No deployment yet: not in the deploy median, counted not yet.
 *   carol  start 10-20; only an open change: not yet for both.
 *   dave   in the catalog before tracking began, no start date: unknown start, in no cohort.
 *   erin   start 09-01: before the window.
 *   frank  start 10-02, in the storefront team: outside the payments group.
 * Payments, whole window: people 3 (alice, bob, carol), unknownStart 1 (dave).
 *   first merge:  samples 36, 6 → median 21, p75 6 + 0.75 × 30 = 28.5; not yet 1 (carol)
 *   first deploy: samples 48 → median 48, p75 48; not yet 2 (bob, carol)
 */
const people: PersonInfo[] = [
  person('alice', { startDate: at('10-05T00:00'), login: 'alice-gh' }),
  person('bob'),
  person('carol', { startDate: at('10-20T00:00') }),
  person('dave'),
  person('erin', { startDate: at('09-01T00:00') }),
  person('frank', {
    startDate: at('10-02T00:00'),
    groups: ['group:default/storefront'],
  }),
];

const change = (
  id: string,
  author: string,
  openedAt: string,
  mergedAt?: string,
): DevexEvent => ({
  id,
  source: 'ci',
  type: 'change',
  subject: SERVICE,
  data: {
    openedAt: iso(openedAt),
    ...(mergedAt ? { mergedAt: iso(mergedAt) } : {}),
    author,
  },
});
const deployment = (
  id: string,
  triggeredBy: string,
  finishedAt: string,
  environment = 'production',
  status: 'success' | 'failed' = 'success',
): DevexEvent => ({
  id,
  source: 'ci',
  type: 'deployment',
  subject: SERVICE,
  data: {
    environment,
    status,
    finishedAt: iso(finishedAt),
    commits: [],
    triggeredBy,
  },
});

const events: DevexEvent[] = [
  change('a0', 'user:default/alice', '10-03T00:00', '10-04T00:00'),
  change('a1', 'User:Default/Alice', '10-06T00:00', '10-06T12:00'),
  deployment('d1', 'Alice-GH', '10-05T12:00', 'staging'),
  deployment('d2', 'alice-gh', '10-06T00:00', 'production', 'failed'),
  deployment('d3', 'alice-gh', '10-07T00:00'),
  change('b1', 'bob', '10-10T01:00', '10-10T06:00'),
  change('c1', 'carol', '10-21T00:00'),
  change('f1', 'frank', '10-02T00:00', '10-02T01:00'),
];

describe.each(databases.eachSupportedId())('time to onboard on %p', id => {
  async function fixture() {
    const stores = await createTestStores(await databases.init(id));
    // The first look finds everyone but bob: there before tracking began.
    await stores.onboarding.recordSightings(
      people.filter(p => p.name !== 'bob').map(p => p.entityRef),
      at('09-15T00:00'),
    );
    await stores.onboarding.recordSightings(
      people.map(p => p.entityRef),
      at('10-10T00:00'),
    );
    await stores.ingest.ingest(events, CI);
    return stores;
  }

  it('gives medians, p75 and who is not there yet, for a group', async () => {
    const stores = await fixture();
    const result = await timeToOnboard({
      store: stores.onboarding,
      people,
      teams: new Set(['group:default/payments']),
      group: 'group:default/payments',
      window: WINDOW,
      now: at('11-02T00:00'),
    });
    expect(result).toEqual({
      group: 'group:default/payments',
      window: {
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
      },
      people: 3,
      unknownStart: 1,
      firstMerge: { medianHours: 21, p75Hours: 28.5, samples: 2, notYet: 1 },
      firstDeploy: { medianHours: 48, p75Hours: 48, samples: 1, notYet: 2 },
    });
  });

  it('counts the whole organisation without a group, and nobody without samples', async () => {
    const stores = await fixture();
    const all = await timeToOnboard({
      store: stores.onboarding,
      people,
      teams: null,
      group: null,
      window: WINDOW,
      now: at('11-02T00:00'),
    });
    // frank joins: first merge after 1 h → samples 36, 6, 1.
    expect(all.people).toBe(4);
    expect(all.firstMerge).toEqual({
      medianHours: 6,
      p75Hours: 21,
      samples: 3,
      notYet: 1,
    });
    const none = await timeToOnboard({
      store: stores.onboarding,
      people,
      teams: null,
      group: null,
      window: { from: at('12-01T00:00'), to: at('12-31T00:00') },
      now: at('11-02T00:00'),
    });
    expect(none.people).toBe(0);
    expect(none.firstDeploy).toEqual({
      medianHours: null,
      p75Hours: null,
      samples: 0,
      notYet: 0,
    });
  });

  it('keeps the first sighting of a user and marks only the first look as before tracking', async () => {
    const stores = await fixture();
    const again = await stores.onboarding.recordSightings(
      [ref('bob'), ref('grace')],
      at('10-20T00:00'),
    );
    expect(again.get(ref('bob'))).toEqual({
      firstSeenAt: at('10-10T00:00'),
      beforeTracking: false,
    });
    expect(again.get(ref('dave'))).toEqual({
      firstSeenAt: at('09-15T00:00'),
      beforeTracking: true,
    });
    expect(again.get(ref('grace'))).toEqual({
      firstSeenAt: at('10-20T00:00'),
      beforeTracking: false,
    });
  });

  it('counts users the catalog ingests within a day of the first look as there before tracking', async () => {
    const stores = await createTestStores(await databases.init(id));
    await stores.onboarding.recordSightings([ref('dave')], at('09-15T00:00'));
    const late = await stores.onboarding.recordSightings(
      [ref('dave'), ref('late')],
      at('09-15T23:00'),
    );
    expect(late.get(ref('late'))).toEqual({
      firstSeenAt: at('09-15T23:00'),
      beforeTracking: true,
    });
    const next = await stores.onboarding.recordSightings(
      [ref('next')],
      at('09-16T01:00'),
    );
    expect(next.get(ref('next'))?.beforeTracking).toBe(false);
  });
});

describe('identitiesOf', () => {
  it('matches logins and names to one person only, the login annotation first', () => {
    const identities = identitiesOf([
      person('sam', { login: 'samr' }),
      { ...person('sam'), entityRef: 'user:other/sam' },
      person('lee', { login: 'sam' }),
      person('kim'),
    ]);
    // "sam" is lee's login, so neither sam is "sam"; "samr" is the first sam's.
    expect(identities.get(ref('sam'))).toEqual([ref('sam'), 'samr']);
    expect(identities.get('user:other/sam')).toEqual(['user:other/sam']);
    expect(identities.get(ref('lee'))).toEqual([ref('lee'), 'sam', 'lee']);
    expect(identities.get(ref('kim'))).toEqual([ref('kim'), 'kim']);
  });
});
