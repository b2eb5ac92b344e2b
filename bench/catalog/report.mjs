#!/usr/bin/env node
// Turns the metrics bench/catalog/run.sh collected (size, app, key, value per line) into JSON and a
// table with one column per app, sizes one under the other.
//   node report.mjs <metrics.tsv> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [metricsFile, outFile] = process.argv.slice(2);
const result = { run: {}, apps: {}, sizes: {} };
for (const line of readFileSync(metricsFile, 'utf8').split('\n')) {
  if (!line) continue;
  const [size, app, key, raw] = line.split('\t');
  let value = raw;
  if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
  else if (raw.startsWith('{')) value = JSON.parse(raw);
  if (size === 'all') {
    if (app === 'run') result.run[key] = value;
    else (result.apps[app] ??= {})[key] = value;
  } else {
    ((result.sizes[size] ??= {})[app] ??= {})[key] = value;
  }
}
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);

const apps = Object.keys(result.apps);
const rows = [];
const loadCell = l => (l && typeof l === 'object' ? `${l.requestsPerSec} req/s; p50/p95/p99 ${l.p50Ms}/${l.p95Ms}/${l.p99Ms} ms${l.non2xx || l.socketErrors || l.timeouts ? `; ${l.non2xx} non-2xx, ${l.socketErrors + l.timeouts} errors` : ''}` : (l ?? '-'));
for (const [size, byApp] of Object.entries(result.sizes)) {
  const cell = (app, f) => {
    const m = byApp[app];
    return m ? f(m) : '-';
  };
  const add = (label, f) => rows.push([`${size}: ${label}`, ...apps.map(a => cell(a, f))]);
  add('ingested (s from start / from ready)', m => `${m.ingestSec ?? '-'} / ${m.ingestAfterReadySec ?? '-'}`);
  add('entities, relations (expected)', m => `${m.entities ?? '-'}, ${m.relations ?? '-'} (${m.expectedRelations ?? '-'})`);
  add('backend CPU by then (s)', m => m.ingestCpuSec ?? '-');
  add('peak RSS during ingestion (MB)', m => m.ingestPeakRssMb ?? '-');
  const gcCell = g => (g && typeof g === 'object' ? `${g.rssMb} / ${g.heapUsedMb}` : '-');
  add('RSS at rest before load (MB)', m => m.rssRestBeforeLoadMb ?? '-');
  add('then after a full GC: RSS / heap used (MB)', m => gcCell(m.gcRestBeforeLoad));
  add('by-query', m => loadCell(m['load.byQuery']));
  add('by-name', m => loadCell(m['load.byName']));
  add('entity-facets', m => loadCell(m['load.facets']));
  add('peak RSS by the end / CPU by the end (MB / s)', m => `${m.peakRssAfterLoadMb ?? '-'} / ${m.cpuAfterLoadSec ?? '-'}`);
  add('RSS at rest after load (MB)', m => m.rssRestAfterLoadMb ?? '-');
  add('then after a full GC: RSS / heap used (MB)', m => gcCell(m.gcRestAfterLoad));
  add('load average start / ingested / end', m => `${m.loadAvgStart ?? '-'} / ${m.loadAvgIngestEnd ?? '-'} / ${m.loadAvgEnd ?? '-'}`);
}
const table = [['', ...apps], ...rows];
const widths = table[0].map((_, i) => Math.max(...table.map(r => String(r[i]).length)));
for (const r of table) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join(' | '));
console.log(`\nrun: ${JSON.stringify(result.run)}`);
console.log(`apps: ${JSON.stringify(result.apps)}`);
console.log(`JSON: ${outFile}`);
