// Where a frontend CPU profile's time went, by npm package: each sampled frame of the minified
// bundle is mapped back through the build's source maps (static/*.js.map) with Node's own
// SourceMap. Self time is in the package's own code, inclusive time adds what it called. The
// frontend benchmark uses `timeByPackage` on its profiled loads (bench/foundation/browse.mjs);
// run directly, it prints one profile's figures:
//
//   node bench/frontend/by-package.mjs <profile.cpuprofile> <dist/static dir> [until-ms]
//
// until-ms cuts the profile that long after it started, e.g. at the first catalog request
// (`untilCatalogRequestMs` in the frontend benchmark's JSON).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Self and inclusive time of a profile's samples by package, largest first, and how long the
 * thread was busy (every sample but V8's `(idle)`). Without source maps for a script, its frames
 * are named after the script's file; frames without a script keep V8's names ((program),
 * (garbage collector), (idle), native functions).
 */
export function timeByPackage(profile, { staticDir, untilMs } = {}) {
  const untilUs =
    untilMs === undefined || untilMs === null
      ? profile.endTime
      : profile.startTime + untilMs * 1000;
  const nodes = new Map(profile.nodes.map(node => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node);
  }

  const sourceMaps = new Map();
  const sourceMapFor = file => {
    if (!sourceMaps.has(file)) {
      const mapFile = staticDir && join(staticDir, `${file}.map`);
      sourceMaps.set(
        file,
        mapFile && existsSync(mapFile)
          ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')))
          : undefined,
      );
    }
    return sourceMaps.get(file);
  };

  const packageOfNode = new Map();
  const packageOf = node => {
    if (packageOfNode.has(node.id)) return packageOfNode.get(node.id);
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let name;
    if (!url) {
      name = functionName || '(anonymous)';
    } else {
      const file = new URL(url).pathname.split('/').pop() || url;
      const map = lineNumber >= 0 ? sourceMapFor(file) : undefined;
      const source = map?.findEntry(lineNumber, columnNumber)?.originalSource;
      const inModules =
        source && /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
      const inWorkspace =
        source && /((?:plugins|packages)\/[^/]+)/.exec(source);
      name = source
        ? inModules?.[1] ?? inWorkspace?.[1] ?? source
        : `${file}${map ? ' (unmapped)' : ''}`;
    }
    packageOfNode.set(node.id, name);
    return name;
  };

  const self = new Map();
  const inclusive = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t > untilUs) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = nodes.get(id);
    const name = packageOf(leaf);
    self.set(name, (self.get(name) ?? 0) + ms);
    const counted = new Set();
    for (let node = leaf; node; node = parentOf.get(node.id)) {
      const outer = packageOf(node);
      if (!counted.has(outer)) {
        counted.add(outer);
        inclusive.set(outer, (inclusive.get(outer) ?? 0) + ms);
      }
    }
  });

  const ranked = totals =>
    [...totals]
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }))
      .filter(entry => entry.ms > 0)
      .sort((a, b) => b.ms - a.ms);
  const busy = [...self].reduce(
    (sum, [name, ms]) => (name === '(idle)' ? sum : sum + ms),
    0,
  );
  return {
    busyMs: Math.round(busy),
    self: ranked(self),
    inclusive: ranked(inclusive),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [profileFile, staticDir, untilArg] = process.argv.slice(2);
  if (!profileFile || !staticDir) {
    console.error(
      'usage: by-package.mjs <profile.cpuprofile> <dist/static dir> [until-ms]',
    );
    process.exit(2);
  }
  const { busyMs, self, inclusive } = timeByPackage(
    JSON.parse(readFileSync(profileFile, 'utf8')),
    { staticDir, untilMs: untilArg ? Number(untilArg) : undefined },
  );
  const top = entries =>
    entries
      .slice(0, 30)
      .map(({ name, ms }) => `${String(ms).padStart(6)} ms  ${name}`)
      .join('\n');
  console.log(`main thread busy: ${busyMs} ms`);
  console.log(`\nself time by package\n${top(self)}`);
  console.log(`\ninclusive time by package\n${top(inclusive)}`);
}
