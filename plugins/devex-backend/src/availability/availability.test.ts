import http from 'http';
import { AddressInfo } from 'net';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { createTestStores } from '../__testUtils__/testStores';
import { AvailabilityProbe, readinessUrlOf } from './AvailabilityProbe';
import { availabilityReport } from './uptime';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

// Monday 2026-11-30 00:00 UTC starts ISO week 2026-W49.
const W49 = Date.parse('2026-11-30T00:00:00Z');
const MIN = 60_000;
const DAY = 1440 * MIN;

describe('the readiness URL', () => {
  it('is the backend root’s, whatever the plugin’s base path', () => {
    expect(readinessUrlOf('http://portal.internal:7007/api/devex')).toBe(
      'http://portal.internal:7007/.backstage/health/v1/readiness',
    );
  });
});

describe.each(ids)('availability on %s', databaseId => {
  async function stores() {
    return createTestStores(await databases.init(databaseId));
  }

  it('probes a real endpoint: 200 is up; 503, no answer in time and no server are down', async () => {
    const { availability } = await stores();
    let answer: 'ok' | 'unready' | 'hang' = 'ok';
    const server = http.createServer((_req, res) => {
      if (answer === 'hang') return; // never answers
      res.statusCode = answer === 'ok' ? 200 : 503;
      res.end(JSON.stringify({ status: answer }));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    let url = `http://127.0.0.1:${port}/.backstage/health/v1/readiness`;
    const probe = new AvailabilityProbe({
      store: availability,
      readinessUrl: async () => url,
      logger: mockServices.logger.mock(),
      timeoutMs: 500,
    });
    expect(await probe.probe(W49 + 5_000)).toEqual({ up: true });
    answer = 'unready';
    expect(await probe.probe(W49 + MIN + 5_000)).toEqual({ up: false });
    answer = 'hang';
    expect(await probe.probe(W49 + 2 * MIN + 5_000)).toEqual({ up: false });
    server.closeAllConnections();
    await new Promise(r => server.close(r));
    url = `http://127.0.0.1:${port}/gone`;
    expect(await probe.probe(W49 + 3 * MIN + 5_000)).toEqual({ up: false });

    expect(
      await availability.probeCounts({ from: W49, to: W49 + 10 * MIN }),
    ).toEqual({ probed: 4, up: 1 });
    expect(await availability.firstProbeMinute()).toBe(W49);
  });

  it('computes uptime per week from the first probe on, counting missing minutes as down (hand-computed)', async () => {
    const { availability } = await stores();
    const record = (minute: number, up: boolean) =>
      availability.recordProbe({
        minute,
        up,
        statusCode: up ? 200 : 503,
        latencyMs: up ? 12 : 40,
        probedAt: minute + 3_000,
      });
    // First probe: Wednesday of W49 at 12:00. Up every minute of W49 from there except:
    // 30 minutes probed down, 60 minutes missing (a deploy took every replica away).
    const first = W49 + 2 * DAY + 720 * MIN;
    const endOfW49 = W49 + 7 * DAY;
    const rows: Array<Promise<void>> = [];
    for (let m = first; m < endOfW49; m += MIN) {
      const i = (m - first) / MIN;
      if (i >= 100 && i < 160) continue; // missing
      rows.push(record(m, !(i >= 200 && i < 230)));
    }
    // W50: probes for its first 2 hours, all up; "now" is 3 hours into W50.
    for (let m = endOfW49; m < endOfW49 + 120 * MIN; m += MIN) {
      rows.push(record(m, true));
    }
    // A probe of the current minute is not counted until the minute is over.
    const now = endOfW49 + 180 * MIN + 30_000;
    rows.push(record(now - 30_000, true));
    await Promise.all(rows);

    const report = await availabilityReport({
      store: availability,
      // From the week before: nothing measured there.
      window: { from: W49 - 7 * DAY, to: now },
      timeZone: 'UTC',
      now,
    });
    // W49 measured from Wednesday 12:00 to Monday 00:00: 4.5 days = 6480 minutes.
    const w49 = { measured: 6480, down: 30, missing: 60 };
    expect(report.weeks).toEqual([
      {
        week: '2026-W48',
        start: '2026-11-23T00:00:00.000Z',
        measuredMinutes: 0,
        upMinutes: 0,
        probedDownMinutes: 0,
        missingMinutes: 0,
        uptime: null,
      },
      {
        week: '2026-W49',
        start: '2026-11-30T00:00:00.000Z',
        measuredMinutes: w49.measured,
        upMinutes: 6390,
        probedDownMinutes: w49.down,
        missingMinutes: w49.missing,
        uptime: 6390 / 6480,
      },
      {
        // 180 minutes are over; 120 probed up, 60 missing (the scheduler stopped).
        week: '2026-W50',
        start: '2026-12-07T00:00:00.000Z',
        measuredMinutes: 180,
        upMinutes: 120,
        probedDownMinutes: 0,
        missingMinutes: 60,
        uptime: 120 / 180,
      },
    ]);
    expect(report).toMatchObject({
      firstProbeAt: '2026-12-02T12:00:00.000Z',
      measuredMinutes: 6660,
      upMinutes: 6510,
      probedDownMinutes: 30,
      missingMinutes: 120,
      uptime: 6510 / 6660,
    });
  });

  it('reports nothing measured, not 0 % or 100 %, before the first probe', async () => {
    const { availability } = await stores();
    const report = await availabilityReport({
      store: availability,
      window: { from: W49, to: W49 + DAY },
      timeZone: 'Europe/Berlin',
      now: W49 + DAY,
    });
    expect(report.uptime).toBeNull();
    expect(report.firstProbeAt).toBeNull();
    expect(report.weeks.map(w => w.uptime)).toEqual([null]);
  });
});
