// Drives Debian's headless Chromium (playwright-core) against a running Backstage app.
//
//   node browse.mjs usable --base URL --catalog PATH --deadline-ms N --shot FILE
//     Signs in as guest ("Enter") and opens the catalog filtered to all components, retrying until a
//     table row links to a component (the catalog shows data) or the deadline passes. Prints JSON
//     { ok, readyAtMs, attempts, rows, error } where readyAtMs is the wall clock (epoch ms) at which
//     data was first visible, so the caller can subtract its own start time.
//
//   node browse.mjs load --base URL --catalog PATH --runs N --shot FILE
//     N times, in a new browser context (empty cache, no session): opens the app, signs in as guest
//     and opens the catalog of all components, timing until a table row links to a component
//     ("cold": JavaScript downloaded and started, sign-in, first data); then, in the same context,
//     loads the catalog page again ("warm": cached JavaScript, signed in). Prints JSON
//     { ok, cold: [ms...], warm: [ms...], coldMedianMs, warmMedianMs, rows }.
//     With --profile PREFIX, --profile-runs M (3) more warm loads after the timed runs, under
//     Chromium's CPU profiler: profiles written to PREFIX-<n>.cpuprofile (they open in DevTools),
//     and the output gains `profile`: per load, how long the main thread was busy until the first
//     catalog request; for the last, that time by package (self time, through the build's source
//     maps in --static-dir; bench/frontend/by-package.mjs) and the requests the page made before
//     it. Untimed: the profiler slows the page.
//
//   node browse.mjs pages --base URL --catalog PATH --shot-dir DIR
//     Signs in and visits a few pages (catalog, the first component's page, API explorer, search),
//     waiting for each to settle, so the backend has served real requests before memory is read
//     again. Prints JSON { ok, pages: [{ path, ms, ok }] }.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { timeByPackage } from '../frontend/by-package.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE_PATH ||
  'playwright-core');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  const opts = { mode };
  for (let i = 0; i < rest.length; i += 2) {
    opts[rest[i].replace(/^--/, '')] = rest[i + 1];
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const base = (opts.base || '').replace(/\/$/, '');
const catalogPath = opts.catalog || '/catalog';
// The stock app opens the catalog on "Owned" entities, which is empty for a guest; ask for all
// components explicitly so both apps are judged on the same list.
const catalogUrl = `${base}${catalogPath.replace(
  /\/$/,
  '',
)}/?filters%5Bkind%5D=component&filters%5Buser%5D=all`;
const componentLink = 'table a[href*="/component/"]';

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A page in a new browser context: empty cache, no session. */
async function newPage(browser) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  return context.newPage();
}

/** Opens the catalog of all components and waits until a row links to a component. */
async function openCatalog(page, timeout) {
  await page.goto(catalogUrl, {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  });
  await page
    .locator(componentLink)
    .first()
    .waitFor({ state: 'visible', timeout });
}

async function signIn(page) {
  await page.goto(`${base}/`, {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  });
  const enter = page.getByRole('button', { name: /^enter$/i });
  // Either the sign-in page shows "Enter", or the guest session is already remembered.
  const shown = await enter
    .waitFor({ state: 'visible', timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  if (shown) {
    await enter.click();
    await enter.waitFor({ state: 'detached', timeout: 30_000 });
  }
}

async function usable() {
  const deadline = Date.now() + Number(opts['deadline-ms'] || 600_000);
  const browser = await launch();
  let attempts = 0;
  let lastError = '';
  try {
    while (Date.now() < deadline) {
      attempts += 1;
      const page = await newPage(browser);
      try {
        await signIn(page);
        await openCatalog(page, 30_000);
        const readyAtMs = Date.now();
        const rows = await page.locator(componentLink).count();
        if (opts.shot)
          await page.screenshot({ path: opts.shot, fullPage: false });
        return { ok: true, readyAtMs, attempts, rows };
      } catch (e) {
        lastError = String(e?.message || e).split('\n')[0];
        if (opts.shot)
          await page.screenshot({ path: opts.shot }).catch(() => {});
      } finally {
        await page
          .context()
          .close()
          .catch(() => {});
      }
      await sleep(2_000);
    }
    return {
      ok: false,
      attempts,
      error: `deadline passed; last error: ${lastError}`,
    };
  } finally {
    await browser.close();
  }
}

/**
 * One warm load of the catalog under the CPU profiler: writes the profile and returns where the
 * main thread's time went until the app sent its first catalog request, and the requests before it.
 */
async function profiledLoad(page, file) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await openCatalog(page, 60_000);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  const timing = await resourceTimings(page);
  // The profiler starts a moment (one DevTools round trip) before the navigation does, so the cut
  // falls that moment early.
  const { busyMs, self } = timeByPackage(profile, {
    staticDir: opts['static-dir'],
    untilMs: timing.catalog?.startMs,
  });
  return {
    file,
    untilCatalogRequestMs: timing.catalog?.startMs ?? null,
    busyMs,
    selfTime: self.slice(0, 25),
    requestsBefore: timing.before,
  };
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Resource Timing of the page just loaded: its first catalog entities request (start after
 * navigation start, duration) and the requests the page made before it.
 */
function resourceTimings(page) {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const catalog = entries.find(e => /\/api\/catalog\/entities/.test(e.name));
    const until = catalog ? catalog.startTime : Infinity;
    return {
      catalog: catalog && {
        startMs: Math.round(catalog.startTime),
        durationMs: Math.round(catalog.responseEnd - catalog.startTime),
      },
      before: entries
        .filter(e => e.startTime < until)
        .map(e => ({
          name: new URL(e.name).pathname,
          type: e.initiatorType,
          startMs: Math.round(e.startTime),
          endMs: Math.round(e.responseEnd),
          transferBytes: e.transferSize,
        })),
    };
  });
}

async function load() {
  const runs = Number(opts.runs || 5);
  const browser = await launch();
  const cold = [];
  const warm = [];
  const warmParts = [];
  let rows = 0;
  let profile;
  try {
    for (let i = 0; i < runs; i += 1) {
      const page = await newPage(browser);
      try {
        let started = Date.now();
        await signIn(page);
        await openCatalog(page, 60_000);
        cold.push(Date.now() - started);
        started = Date.now();
        await openCatalog(page, 60_000);
        warm.push(Date.now() - started);
        const { catalog } = await resourceTimings(page);
        warmParts.push({
          appStartMs: catalog?.startMs ?? null,
          catalogRequestMs: catalog?.durationMs ?? null,
        });
        rows = await page.locator(componentLink).count();
        if (opts.shot && i === runs - 1)
          await page.screenshot({ path: opts.shot });
        if (opts.profile && i === runs - 1) {
          const loads = [];
          for (let n = 1; n <= Number(opts['profile-runs'] || 3); n += 1) {
            loads.push(
              await profiledLoad(page, `${opts.profile}-${n}.cpuprofile`),
            );
          }
          const last = loads[loads.length - 1];
          profile = {
            busyMs: loads.map(l => l.busyMs),
            busyMedianMs: median(loads.map(l => l.busyMs)),
            untilCatalogRequestMs: loads.map(l => l.untilCatalogRequestMs),
            last,
          };
        }
      } finally {
        await page
          .context()
          .close()
          .catch(() => {});
      }
    }
  } finally {
    await browser.close();
  }
  return {
    ok: true,
    cold,
    warm,
    coldMedianMs: median(cold),
    warmMedianMs: median(warm),
    // Where the warm load's time goes, medians: navigation start until the app sends its first
    // catalog entities request (loading and starting the app), that request, and the rest.
    warmParts: {
      appStartMs: median(
        warmParts.map(p => p.appStartMs).filter(v => v !== null),
      ),
      catalogRequestMs: median(
        warmParts.map(p => p.catalogRequestMs).filter(v => v !== null),
      ),
      all: warmParts,
    },
    rows,
    ...(profile ? { profile } : {}),
  };
}

async function pages() {
  const browser = await launch();
  const visited = [];
  try {
    const page = await newPage(browser);
    await signIn(page);
    await openCatalog(page, 60_000);
    const firstComponent = await page
      .locator(componentLink)
      .first()
      .getAttribute('href');
    const targets = [
      catalogUrl.slice(base.length),
      firstComponent,
      '/api-docs',
      '/search?query=service',
      catalogUrl.slice(base.length),
    ].filter(Boolean);
    // Navigate inside the single-page app (history API), as a user clicking through does: a full
    // reload would re-download the development bundle each time and measure that instead.
    let inflight = 0;
    let lastActivity = Date.now();
    const counted = r =>
      !['eventsource', 'websocket'].includes(r.resourceType());
    page.on(
      'request',
      r => counted(r) && ((inflight += 1), (lastActivity = Date.now())),
    );
    const done = r =>
      counted(r) &&
      ((inflight = Math.max(0, inflight - 1)), (lastActivity = Date.now()));
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    const settle = async () => {
      const until = Date.now() + 30_000;
      while (
        Date.now() < until &&
        (inflight > 0 || Date.now() - lastActivity < 1_500)
      )
        await sleep(250);
      return inflight === 0;
    };
    for (const [i, path] of targets.entries()) {
      const started = Date.now();
      await page.evaluate(to => {
        window.history.pushState({}, '', to);
        window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      }, path);
      await sleep(300);
      const ok = await settle();
      if (opts['shot-dir']) {
        await page.screenshot({
          path: join(opts['shot-dir'], `page-${i + 1}.png`),
        });
      }
      visited.push({ path, ms: Date.now() - started, ok });
    }
    return { ok: visited.every(v => v.ok), pages: visited };
  } finally {
    await browser.close();
  }
}

const run = { usable, pages, load }[opts.mode];
if (!run) {
  console.error(
    'usage: browse.mjs usable|pages|load --base URL --catalog PATH ...',
  );
  process.exit(2);
}
run()
  .then(result => {
    console.log(JSON.stringify(result));
    process.exit(result.ok ? 0 : 1);
  })
  .catch(e => {
    console.log(JSON.stringify({ ok: false, error: String(e?.message || e) }));
    process.exit(1);
  });
