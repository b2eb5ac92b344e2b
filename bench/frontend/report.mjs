// Prints the frontend benchmark's table and writes its JSON (bench/frontend/run.sh).
// Usage: node report.mjs <results.jsonl> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const results = {};
for (const line of readFileSync(input, 'utf8').split('\n').filter(Boolean)) {
  const { app, key, value } = JSON.parse(line);
  let parsed = value;
  try {
    parsed = JSON.parse(value);
  } catch {
    // a plain string
  }
  (results[app] ??= {})[key] = parsed;
}

const apps = Object.keys(results).filter(app => app !== 'run');
const kib = bytes => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
const rows = [
  [
    'initial JS, gzip -9 (raw, files)',
    r =>
      r.initialJs
        ? `${kib(r.initialJs.gzipBytes)} (${kib(r.initialJs.bytes)}, ${
            r.initialJs.scripts
          })`
        : '–',
  ],
  [
    'catalog shows data, cold: median (all runs, ms)',
    r =>
      r.browser
        ? `${r.browser.coldMedianMs} ms (${r.browser.cold.join(', ')})`
        : 'failed',
  ],
  [
    'catalog shows data, warm: median (all runs, ms)',
    r =>
      r.browser
        ? `${r.browser.warmMedianMs} ms (${r.browser.warm.join(', ')})`
        : 'failed',
  ],
  [
    'warm: app start until its catalog request / that request (medians)',
    r =>
      r.browser?.warmParts
        ? `${r.browser.warmParts.appStartMs} / ${r.browser.warmParts.catalogRequestMs} ms`
        : '–',
  ],
  [
    'warm, under the CPU profiler: main thread busy until the catalog request (median)',
    r => (r.browser?.profile ? `${r.browser.profile.busyMedianMs} ms` : '–'),
  ],
  [
    'backend CPU time: 30 s at rest / during the browser runs',
    r => `${r.restCpuSecPer30s ?? '–'} / ${r.browserRunsCpuSec ?? '–'} s`,
  ],
  [
    'backend RSS before / after the browser runs',
    r => `${r.rssBeforeMb ?? '–'} / ${r.rssAfterMb ?? '–'} MB`,
  ],
  [
    'load average before / after',
    r => `${r.loadAvgBefore ?? '–'} / ${r.loadAvgAfter ?? '–'}`,
  ],
  ['commit', r => String(r.commit ?? '–')],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${''.padEnd(width)} | ${apps.join(' | ')}`);
for (const [label, cell] of rows) {
  console.log(
    `${label.padEnd(width)} | ${apps
      .map(app => cell(results[app]))
      .join(' | ')}`,
  );
}
for (const app of apps) {
  const profile = results[app].browser?.profile;
  if (!profile) continue;
  const { last } = profile;
  console.log(
    `\n${app}, ${profile.busyMs.length} more warm loads under the CPU profiler: main thread busy until ` +
      `the catalog request, median ${
        profile.busyMedianMs
      } ms (${profile.busyMs.join(', ')} ms; request at ` +
      `${profile.untilCatalogRequestMs.join(', ')} ms). The last (${
        last.file
      }), self time by package:`,
  );
  for (const { name, ms } of last.selfTime.slice(0, 10)) {
    console.log(`  ${String(ms).padStart(5)} ms  ${name}`);
  }
  console.log(
    `  requests before the catalog request: ${last.requestsBefore
      .filter(r => !r.name.startsWith('/static/'))
      .map(r => `${r.name} ${r.startMs}-${r.endMs} ms`)
      .join(', ')}`,
  );
}
console.log(`\nrun: ${JSON.stringify(results.run)}`);
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
console.log(`JSON: ${output}`);
