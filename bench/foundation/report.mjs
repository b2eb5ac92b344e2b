// Turns the metrics run.sh collected (app<TAB>name<TAB>value lines) into the JSON result file and the
// printed table, with the machine and tool versions the figures were measured on.
// Usage: node report.mjs <metrics.tsv> <result.json> <stock-dir> <paved-dir> <run-dir>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';

const [metricsFile, resultFile, stockDir, pavedDir, runDir] = process.argv.slice(2);

const metrics = { run: {}, stock: {}, paved: {} };
for (const line of readFileSync(metricsFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [app, name, ...rest] = line.split('\t');
  const raw = rest.join('\t');
  let value = raw;
  if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
  else if (raw.startsWith('{')) value = JSON.parse(raw);
  (metrics[app] ??= {})[name] = value;
}

const tryRun = (cmd, args, cwd) => {
  try {
    return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
};
const readJson = path => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);
const installedVersion = (dir, pkg) => readJson(join(dir, 'node_modules', pkg, 'package.json'))?.version;

const osRelease = existsSync('/etc/os-release')
  ? /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
  : undefined;

const appInfo = dir => ({
  backstage: readJson(join(dir, 'backstage.json'))?.version,
  backstageCli: installedVersion(dir, '@backstage/cli'),
  backendDefaults: installedVersion(dir, '@backstage/backend-defaults'),
  frontendDefaults: installedVersion(dir, '@backstage/frontend-defaults'),
});

const result = {
  measuredAt: new Date().toISOString(),
  machine: {
    os: osRelease,
    kernel: release(),
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: metrics.run.loadAvgStart,
    loadAverageAtEnd: metrics.run.loadAvgEnd,
  },
  tools: {
    node: process.version,
    yarn: tryRun('yarn', ['--version'], pavedDir),
    chromium: tryRun(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version']),
    createApp: '0.9.2',
  },
  apps: {
    stock: { ...appInfo(stockDir), ...metrics.stock },
    paved: { ...appInfo(pavedDir), ...metrics.paved },
  },
  runDirectory: runDir,
};
writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);

const secs = v => (typeof v === 'number' ? `${v.toFixed(1)} s` : v ?? 'n/a');
const mb = v => (typeof v === 'number' ? `${v} MB` : v ?? 'n/a');
const kib = v => (typeof v === 'number' ? `${(v / 1024).toFixed(0)} KiB` : 'n/a');
const js = v =>
  v && typeof v === 'object'
    ? `${kib(v.gzipBytes)} (${v.scripts} files, ${kib(v.bytes)} raw)`
    : v ?? 'n/a';

const rows = [
  ['Dependency install (yarn install --immutable, cache warm)', 'installSec', secs],
  ['Cold start: backend ready', 'coldBackendReadySec', secs],
  ['Cold start: catalog shows data (guest)', 'coldUsableSec', secs],
  ['Warm restart: backend ready', 'warmBackendReadySec', secs],
  ['Warm restart: catalog shows data (guest)', 'warmUsableSec', secs],
  ['Backend RSS, 60 s after ready', 'rssRestMb', mb],
  ['Backend RSS, after loading 5 pages', 'rssAfterPagesMb', mb],
  ['All `yarn start` processes RSS, 60 s after ready', 'groupRssRestMb', mb],
  ['Production build of packages/app', 'buildSec', secs],
  ['Initial JS, gzipped (level 9)', 'initialJs', js],
];
// Each figure with the 1-minute load average when it was taken (run.sh records `<name>.loadAvg`).
const withLoad = (app, key, fmt) => {
  const value = fmt(result.apps[app][key]);
  const load = result.apps[app][`${key}.loadAvg`];
  return typeof load === 'string' ? `${value} (load ${load.split(' ')[0]})` : value;
};
const table = [['', 'stock create-app 1.55', 'Paved'], ...rows.map(([label, key, fmt]) => [label, withLoad('stock', key, fmt), withLoad('paved', key, fmt)])];
const widths = table[0].map((_, i) => Math.max(...table.map(r => String(r[i]).length)));
const line = r => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
console.log('');
console.log(`Foundation benchmark, ${result.measuredAt}`);
console.log(
  `Machine: ${result.machine.os}, ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB; ` +
    `load ${result.machine.loadAverageAtStart} -> ${result.machine.loadAverageAtEnd}`,
);
console.log(
  `Tools: Node ${result.tools.node}, yarn ${result.tools.yarn}, ${result.tools.chromium}; ` +
    `stock: create-app ${result.tools.createApp}, Backstage ${result.apps.stock.backstage}, cli ${result.apps.stock.backstageCli}; ` +
    `Paved ${result.apps.paved.commit}: Backstage ${result.apps.paved.backstage}, cli ${result.apps.paved.backstageCli}`,
);
console.log('');
console.log(line(table[0]));
console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
for (const r of table.slice(1)) console.log(line(r));
console.log('');
console.log(`JSON: ${resultFile}`);
console.log(`Logs and screenshots: ${runDir}`);
