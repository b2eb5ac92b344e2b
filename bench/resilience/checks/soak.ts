import fs from 'fs';
import path from 'path';
import {
  createDatabaseRequest,
  sendEvents,
  waitForRequestStatus,
} from '../api';
import { ResilienceContext } from '../context';
import { call, guestToken } from '../http';
import { LiveMemory } from '../replicas';
import { sleep } from '../wait';

/**
 * `soakSeconds` of mixed load from four clients while both replicas' memory is sampled. Passes
 * with no error answer and no upward trend in memory after the warm-up.
 */
export async function checkSoak({
  settings,
  replicas,
  events,
  results,
}: Pick<ResilienceContext, 'settings' | 'replicas' | 'events' | 'results'>) {
  const { soakSeconds, runId } = settings;
  const token = await guestToken(replicas[0].baseUrl);
  const source = `resilience-soak-${runId}`;
  const errors: Record<string, number> = {};
  let calls = 0;
  let requestsCreated = 0;
  const ok = (
    what: string,
    res: { status: number; networkError?: string },
    expected: number[],
  ) => {
    calls++;
    if (!expected.includes(res.status)) {
      const key = `${what} ${res.networkError ?? res.status}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  };
  const endAt = Date.now() + soakSeconds * 1000;
  const mixedLoad = async (n: number) => {
    const replica = replicas[n % 2];
    let i = 0;
    while (Date.now() < endAt) {
      i++;
      ok(
        'POST /devex/events',
        await sendEvents(replica, settings.ciToken, events.batch(10, source)),
        [202],
      );
      ok(
        'GET /devex/dora',
        await call(replica.baseUrl, 'GET', '/api/devex/dora', { token }),
        [200],
      );
      ok(
        'GET /catalog/entities/by-query',
        await call(
          replica.baseUrl,
          'GET',
          '/api/catalog/entities/by-query?filter=kind=component&limit=20&fields=metadata.name,spec.owner',
          { token },
        ),
        [200],
      );
      ok(
        'GET /provisioning/requests',
        await call(
          replica.baseUrl,
          'GET',
          '/api/provisioning/requests?owner=group:default/payments',
          { token },
        ),
        [200],
      );
      ok(
        'GET /scaffolder/v2/tasks',
        await call(replica.baseUrl, 'GET', '/api/scaffolder/v2/tasks?limit=5', {
          token,
        }),
        [200],
      );
      if (n === 0 && i % 20 === 0) {
        // A sandbox database made and removed now and then keeps the processors busy too.
        const created = await createDatabaseRequest(
          replica,
          token,
          `res-soak-${runId}-${i}`,
          `resilience-${runId}-soak-${i}`,
        );
        ok('POST /provisioning/requests', created, [201]);
        if (created.status === 201) {
          requestsCreated++;
          const ready = await waitForRequestStatus(
            replica,
            token,
            created.body.id,
            ['ready', 'failed'],
            60_000,
          ).catch(() => undefined);
          if (ready?.status !== 'ready')
            errors['provisioning not ready'] =
              (errors['provisioning not ready'] ?? 0) + 1;
          ok(
            'DELETE /provisioning/requests/:id',
            await call(
              replica.baseUrl,
              'DELETE',
              `/api/provisioning/requests/${created.body.id}`,
              { token },
            ),
            [202],
          );
        }
      }
    }
  };
  // RSS every 5 s, and every 30 s the memory each replica holds right after a full GC (live
  // memory: heap used plus external). A leak shows in live memory; RSS also holds garbage not yet
  // collected and heap V8 keeps for reuse, which it sizes from the heap limit.
  const started = Date.now();
  const minutesSinceStart = () => (Date.now() - started) / 60_000;
  const rssSamples: Array<{ t: number; rss: number[] }> = [];
  const liveSamples: Array<{ t: number; live: Array<LiveMemory | undefined> }> =
    [];
  const sampler = (async () => {
    let last = 0;
    while (Date.now() < endAt) {
      rssSamples.push({
        t: minutesSinceStart(),
        rss: replicas.map(r => r.rssMiB() ?? NaN),
      });
      if (Date.now() - last >= 30_000) {
        last = Date.now();
        const t = minutesSinceStart();
        const live = [];
        for (const r of replicas) live.push(await r.liveMemory());
        liveSamples.push({ t, live });
      }
      await sleep(5000);
    }
  })();
  await Promise.all([0, 1, 2, 3].map(mixedLoad));
  await sampler;

  // The first fifth is warm-up (caches fill, the JIT settles); trends are fitted on the rest.
  const afterWarmUp = <T extends { t: number }>(samples: T[]) =>
    samples.filter(s => s.t >= soakSeconds / 60 / 5);
  const liveSteady = afterWarmUp(liveSamples);
  const rssSteady = afterWarmUp(rssSamples);
  const live = replicas.map((r, i) => ({
    replica: r.spec.name,
    ...trend(
      liveSteady.map(s => [
        s.t,
        (s.live[i]?.heapUsedMb ?? NaN) + (s.live[i]?.externalMb ?? NaN),
      ]),
    ),
  }));
  const rss = replicas.map((r, i) => ({
    replica: r.spec.name,
    ...trend(rssSteady.map(s => [s.t, s.rss[i]])),
  }));
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const windowMinutes =
    liveSteady.length > 1
      ? liveSteady[liveSteady.length - 1].t - liveSteady[0].t
      : 0;
  fs.writeFileSync(
    path.join(settings.workDir, 'soak-memory.json'),
    JSON.stringify({ rssSamples, liveSamples }, null, 1),
  );
  // Stable: fitted over the window, live memory grows by less than 5 % of its mean and RSS by
  // less than 10 % (it is noisier), and every probe answered (a replica that cannot be sampled is
  // no evidence of stability).
  results.report(
    `soak: ${soakSeconds} s of mixed load, memory without upward trend, no errors`,
    errorCount === 0 &&
      live.every(
        l => l.missing === 0 && l.samples >= 5 && l.growthOverWindowPercent < 5,
      ) &&
      rss.every(r => r.missing === 0 && r.growthOverWindowPercent < 10),
    {
      calls,
      throughput: `${(calls / soakSeconds).toFixed(1)} calls/s`,
      provisioningRequestsMadeAndDeleted: requestsCreated,
      errors: errorCount === 0 ? 'none' : errors,
      trendWindow: `${windowMinutes.toFixed(1)} min after warm-up`,
      maxOldSpaceSize:
        settings.maxOldSpaceMb > 0
          ? `${settings.maxOldSpaceMb} MB`
          : 'V8 default',
      liveMemoryAfterFullGc: live,
      rss,
    },
  );
}

/** Memory samples (minutes, MiB) summarised, with their least-squares trend. */
function trend(points: Array<[number, number]>) {
  const finite = points.filter(([, y]) => Number.isFinite(y));
  const mean = finite.reduce((s, [, y]) => s + y, 0) / finite.length;
  const minutes =
    finite.length > 1 ? finite[finite.length - 1][0] - finite[0][0] : 0;
  const perMinute = slope(finite);
  return {
    samples: finite.length,
    firstMiB: Math.round(finite[0]?.[1] ?? NaN),
    lastMiB: Math.round(finite[finite.length - 1]?.[1] ?? NaN),
    minMiB: Math.round(Math.min(...finite.map(p => p[1]))),
    maxMiB: Math.round(Math.max(...finite.map(p => p[1]))),
    slopeMiBPerMinute: Number(perMinute.toFixed(2)),
    growthOverWindowPercent: Number(
      ((perMinute * minutes * 100) / mean).toFixed(1),
    ),
    missing: points.length - finite.length,
  };
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}
