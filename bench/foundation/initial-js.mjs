// The production frontend's initial JavaScript: the <script src> files that dist/index.html loads
// before anything is lazily imported, summed raw and gzipped (zlib level 9, like `gzip -9`).
// Inline scripts are counted separately. Prints JSON.
// Usage: node initial-js.mjs <packages/app/dist>
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2];
if (!dist || !existsSync(join(dist, 'index.html'))) {
  console.error(`usage: initial-js.mjs <dist dir containing index.html> (got ${dist})`);
  process.exit(2);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [];
let inlineBytes = 0;
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(match[1])?.[1];
  if (!src) {
    inlineBytes += Buffer.byteLength(match[2]);
    continue;
  }
  if (/^(https?:)?\/\//i.test(src)) {
    files.push({ src, external: true });
    continue;
  }
  // index.html refers to files by the public path (usually "/static/..."); strip it and any query.
  const relative = src.replace(/[?#].*$/, '').replace(/^\.?\//, '');
  const path = join(dist, relative);
  if (!existsSync(path)) {
    files.push({ src, missing: true });
    continue;
  }
  const content = readFileSync(path);
  files.push({ src, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
}

const sum = key => files.reduce((n, f) => n + (f[key] ?? 0), 0);
console.log(
  JSON.stringify({
    scripts: files.length,
    bytes: sum('bytes'),
    gzipBytes: sum('gzipBytes'),
    inlineScriptBytes: inlineBytes,
    missing: files.filter(f => f.missing || f.external).map(f => f.src),
    files,
  }),
);
