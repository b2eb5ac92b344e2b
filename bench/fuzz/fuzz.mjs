/*
 * Sends FUZZ_REQUESTS generated requests to every Paved HTTP endpoint of a running backend and
 * prints, per endpoint, the status-code histogram and every 5xx with the request that caused it.
 * Exits 1 on any 5xx, on a 4xx without Backstage's error body, on a hang, or if the backend stops
 * answering. Normally started by bench/fuzz/run.sh (`make fuzz`), which starts the backend.
 *
 * Environment: FUZZ_BASE_URL (default http://localhost:7401), FUZZ_REQUESTS per endpoint (2000),
 * FUZZ_SEED (random; printed), FUZZ_CONCURRENCY (4), FUZZ_ONLY (substring of endpoint names),
 * FUZZ_CASE (one case number, to reproduce a failure), FUZZ_STRATEGY (only cases of one kind of
 * damage, e.g. `valid` to check each endpoint's starting request), FUZZ_CI_TOKEN,
 * FUZZ_WEBHOOK_SECRET.
 */
import { createHmac, randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from './client.mjs';
import { pavedEndpoints } from './endpoints.mjs';
import {
  Prng,
  badPathParam,
  deepText,
  deepValue,
  encodePart,
  malformJson,
  malformQuery,
  mutateDocument,
  oversizedBody,
  randomAscii,
  randomString,
  randomValue,
  toJsonText,
} from './generators.mjs';
import { setUp, signInAsGuest } from './setup.mjs';

const baseUrl = (process.env.FUZZ_BASE_URL ?? 'http://localhost:7401').replace(
  /\/+$/,
  '',
);
const requestsPerEndpoint = Number(process.env.FUZZ_REQUESTS ?? 2000);
const seed = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const only = process.env.FUZZ_ONLY;
const singleCase =
  process.env.FUZZ_CASE === undefined
    ? undefined
    : Number(process.env.FUZZ_CASE);
const onlyStrategy = process.env.FUZZ_STRATEGY;
const ciToken = process.env.FUZZ_CI_TOKEN ?? 'paved-dev-ci-token-change-me';
const webhookSecret =
  process.env.FUZZ_WEBHOOK_SECRET ?? 'paved-dev-webhook-secret-change-me';
const MAX_EXAMPLES_PER_ENDPOINT = 5;
// Node's HTTP parser refuses over-long request lines and headers (16 KiB) before any route runs,
// with a bare 431: the one 4xx that cannot carry Backstage's error body.
const HEADERS_TOO_LARGE = 431;

const client = createClient({ baseUrl, concurrency });

/** A contents URL of the local git host with fuzzed repository, kind, ref and path. */
function gitHostTarget(rng) {
  const repository = rng.weighted([
    [4, 'fuzz-service'],
    [1, 'missing-repo'],
    [1, encodePart(randomString(rng))],
    [1, 'Fuzz-Service'],
    [1, '..%2Ffuzz-service'],
    [1, 'a'.repeat(101)],
  ]);
  const kind = rng.weighted([
    [6, 'blob'],
    [3, 'tree'],
    [1, rng.pick(['raw', '', 'BLOB', '%62lob'])],
  ]);
  const ref = rng.weighted([
    [5, 'main'],
    [1, 'HEAD'],
    [1, 'no-such-branch'],
    [1, '-delete'],
    [1, 'main..HEAD'],
    [1, 'main~1'],
    [1, 'main^{tree}'],
    [1, '0123456789abcdef0123456789abcdef01234567'],
    [1, encodePart(randomString(rng))],
    [1, '%ZZ'],
  ]);
  const file = rng.weighted([
    [4, 'catalog-info.yaml'],
    [2, 'docs/index.md'],
    [1, 'docs'],
    [1, ''],
    [1, 'missing.yaml'],
    [1, '%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    [1, 'a%5C..%5Cb'],
    [1, 'a%00b'],
    [1, '%ZZ'],
    [1, 'docs/'.repeat(rng.int(2, 400))],
    [1, encodePart(randomString(rng))],
    [1, `catalog-info.yaml?${randomAscii(rng, 10)}#${randomAscii(rng, 5)}`],
  ]);
  return `${baseUrl}/api/githost/${repository}/${kind}/${ref}/${file}`;
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/merge-patch+json',
  'application/xml',
  'application/json, text/plain',
  '*/*',
];

function authorization(spec, context, rng) {
  const valid =
    spec.auth === 'service' && rng.chance(0.7) ? ciToken : context.guestToken;
  return rng.weighted([
    [20, `Bearer ${valid}`],
    [1, undefined],
    [1, 'Bearer '],
    [1, `Bearer ${randomAscii(rng, 40).replace(/ /g, '')}`],
    [1, `Bearer ${valid.slice(0, -5)}AAAAA`],
    [1, `bearer ${valid}`],
    [1, `Basic ${Buffer.from('guest:guest').toString('base64')}`],
    [1, `Bearer ${spec.auth === 'service' ? context.guestToken : ciToken}`],
  ]);
}

/**
 * One generated request for an endpoint: its valid form, then one kind of damage. The case is
 * a pure function of (seed, endpoint, case number), so FUZZ_SEED + FUZZ_ONLY + FUZZ_CASE replays it.
 */
function generateCase(spec, context, caseNumber) {
  const rng = new Prng(seed).fork(`${spec.name}#${caseNumber}`);
  // Path parameters by name; a case damages one of them.
  const params = Object.fromEntries(
    Object.entries(spec.params ?? {}).map(([name, generate]) => [
      name,
      generate(rng),
    ]),
  );
  const query = spec.query?.(rng) ?? {};
  const headers = {
    Accept: 'application/json',
    ...(spec.headers?.(rng) ?? {}),
  };
  let document;
  let githubEvent;
  if (spec.body) document = spec.body(rng);
  if (spec.delivery) {
    const delivery = spec.delivery(rng);
    document = delivery.payload;
    githubEvent = delivery.event;
  }
  if (spec.gitHostTarget)
    document = spec.gitHostTarget.wrap(gitHostTarget(rng));
  const hasBody = document !== undefined;
  let bytes = hasBody ? Buffer.from(toJsonText(document)) : undefined;
  let rawQuery = Object.entries(query)
    .map(([key, value]) => `${encodePart(key)}=${encodePart(value)}`)
    .join('&');
  let change = 'valid';

  const strategies = [[1, 'valid']];
  if (hasBody && !spec.gitHostTarget) {
    strategies.push(
      [8, 'mutate'],
      [4, 'malformed'],
      [2, 'deep'],
      [1, 'whole'],
      [1, 'oversized'],
      [1, 'content-type'],
    );
  }
  if (!hasBody) strategies.push([1, 'body-on-bodiless']);
  if (Object.keys(query).length || spec.method === 'GET')
    strategies.push([5, 'query']);
  if (spec.params) strategies.push([5, 'param']);
  if (spec.gitHostTarget) strategies.push([10, 'git-host-target']);
  if (spec.auth !== 'webhook') strategies.push([1, 'auth']);
  else strategies.push([1, 'signature'], [1, 'event-name']);
  const strategy = onlyStrategy ?? rng.weighted(strategies);
  if (!strategies.some(([, name]) => name === strategy)) {
    return { skipped: true };
  }

  let contentType = hasBody ? 'application/json' : undefined;
  let auth =
    spec.auth === 'webhook'
      ? undefined
      : `Bearer ${spec.auth === 'service' ? ciToken : context.guestToken}`;
  let signature = 'valid';
  switch (strategy) {
    case 'mutate': {
      const mutated = mutateDocument(rng, document);
      bytes = Buffer.from(toJsonText(mutated.document));
      change = `mutated ${mutated.change}`;
      break;
    }
    case 'malformed': {
      const malformed = malformJson(rng, bytes.toString('utf8'));
      bytes = malformed.bytes;
      change = `malformed JSON: ${malformed.change}`;
      break;
    }
    case 'deep': {
      const depth = rng.pick([100, 1000, 10_000, 20_000]);
      if (rng.chance(0.5)) {
        bytes = Buffer.from(deepText(rng, depth));
        change = `body nested ${depth} deep`;
      } else {
        const mutated = mutateDocument(rng, {
          ...document,
          [rng.pick(Object.keys(document))]: deepValue(rng, depth),
        });
        bytes = Buffer.from(toJsonText(mutated.document));
        change = `a field nested ${depth} deep, ${mutated.change}`;
      }
      break;
    }
    case 'whole': {
      bytes = Buffer.from(toJsonText(randomValue(rng, 3)));
      change = 'body replaced by a random value';
      break;
    }
    case 'oversized': {
      const oversized = oversizedBody(rng, spec.bodyLimit ?? 1024 * 1024);
      bytes = oversized.bytes;
      change = `oversized body: ${oversized.change}`;
      break;
    }
    case 'content-type':
      contentType = rng.weighted([
        [4, rng.pick(CONTENT_TYPES)],
        [1, undefined],
      ]);
      change = `Content-Type ${contentType ?? '(none)'}`;
      break;
    case 'body-on-bodiless':
      bytes = rng.chance(0.5)
        ? Buffer.from('{"a":')
        : Buffer.from(toJsonText(randomValue(rng, 2)));
      contentType = 'application/json';
      change = 'JSON body on a route without one';
      break;
    case 'query':
      rawQuery = malformQuery(rng, query);
      change = 'bad query string';
      break;
    case 'param': {
      const name = rng.pick(Object.keys(params));
      params[name] = badPathParam(rng);
      change = `bad path parameter ${name}`;
      break;
    }
    case 'git-host-target':
      change = 'git host URL';
      break;
    case 'auth':
      auth = authorization(spec, context, rng);
      change = `Authorization ${
        auth === undefined ? '(none)' : auth.split(' ')[0]
      } variant`;
      break;
    case 'signature':
      signature = rng.pick(['none', 'wrong', 'sha1', 'not hex', 'truncated']);
      change = `signature ${signature}`;
      break;
    case 'event-name':
      githubEvent = rng.pick([
        '',
        'ping',
        'pull_request',
        randomAscii(rng, 20),
        'PUSH',
        'issues ',
      ]);
      change = 'other X-GitHub-Event';
      break;
    default:
      break;
  }

  if (contentType) headers['Content-Type'] = contentType;
  if (auth) headers.Authorization = auth;
  if (spec.auth === 'webhook') {
    if (githubEvent !== undefined) headers['X-GitHub-Event'] = githubEvent;
    headers['X-GitHub-Delivery'] = `fuzz-${caseNumber}`;
    const hmac = createHmac('sha256', webhookSecret)
      .update(bytes ?? Buffer.alloc(0))
      .digest('hex');
    const signatures = {
      valid: `sha256=${hmac}`,
      wrong: `sha256=${'0'.repeat(64)}`,
      sha1: `sha1=${hmac.slice(0, 40)}`,
      'not hex': `sha256=${'z'.repeat(64)}`,
      truncated: `sha256=${hmac.slice(0, 10)}`,
    };
    if (signature !== 'none')
      headers['X-Hub-Signature-256'] = signatures[signature];
  }
  const queryString = [spec.fixedQuery, rawQuery].filter(Boolean).join('&');
  const target = `${spec.path(params)}${queryString ? `?${queryString}` : ''}`;
  return {
    method: spec.method,
    target,
    headers,
    bytes,
    change,
    oversized: strategy === 'oversized',
  };
}

/** Why an answer breaks the rules (no answer, a 5xx, a 4xx without Backstage's error body), if it does. */
function problemOf(response) {
  if (typeof response.status !== 'number') {
    return response.status === 'not-sent'
      ? undefined
      : `no answer (${response.status}: ${response.text})`;
  }
  if (response.status >= 500) return errorMessage(response.text);
  if (
    response.status >= 400 &&
    response.status !== HEADERS_TOO_LARGE &&
    !hasBackstageErrorBody(response.text)
  ) {
    return `4xx without Backstage's error body: ${response.text.slice(0, 200)}`;
  }
  return undefined;
}

/** Backstage's error body: `{ error: { name, message }, request, response }`. */
function hasBackstageErrorBody(text) {
  try {
    const body = JSON.parse(text);
    return (
      typeof body?.error?.name === 'string' &&
      typeof body.error.message === 'string' &&
      body.error.message.length > 0 &&
      typeof body.request === 'object' &&
      typeof body.response?.statusCode === 'number'
    );
  } catch {
    return false;
  }
}

function preview(bytes, max = 160) {
  if (!bytes) return '';
  const text = bytes.toString('utf8');
  const shown = JSON.stringify(
    text.length > max ? `${text.slice(0, max)}…` : text,
  );
  return `${shown} (${bytes.length} bytes)`;
}

function errorMessage(text) {
  try {
    const body = JSON.parse(text);
    return `${body.error?.name}: ${String(body.error?.message).slice(0, 200)}`;
  } catch {
    return text.slice(0, 200);
  }
}

async function fuzzEndpoint(spec, context) {
  const statuses = new Map();
  const failures = [];
  let skipped = 0;
  const cases =
    singleCase === undefined
      ? Array.from({ length: requestsPerEndpoint }, (_, i) => i)
      : [singleCase];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const caseNumber = cases[next++];
      const generated = generateCase(spec, context, caseNumber);
      // FUZZ_STRATEGY names a kind of damage this endpoint cannot take (a body on a GET).
      if (generated.skipped) {
        skipped++;
        continue;
      }
      const response = await client.send(generated);
      // Refused before it was read: the server answered and closed the connection while the
      // oversized body was still being sent (its declared length is checked first, so none of it
      // is read). Not a failure; `isAlive` still checks that the backend survived.
      const closedEarly =
        generated.oversized &&
        response.status === 'reset' &&
        ['EPIPE', 'ECONNRESET'].includes(response.text);
      // Checking the starting requests: say why a valid one was refused.
      if (onlyStrategy === 'valid' && response.status >= 400) {
        console.log(
          `    ${spec.name} case ${caseNumber}: ${
            response.status
          } ${errorMessage(response.text)}`,
        );
      }
      const counted = closedEarly ? 'closed-early' : response.status;
      statuses.set(counted, (statuses.get(counted) ?? 0) + 1);
      const problem = closedEarly ? undefined : problemOf(response);
      if (problem)
        failures.push({
          caseNumber,
          status: response.status,
          problem,
          ...generated,
        });
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, cases.length) }, worker),
  );
  failures.sort((a, b) => a.caseNumber - b.caseNumber);
  return { statuses, failures, requests: cases.length - skipped };
}

function histogram(statuses) {
  return [...statuses.entries()]
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([status, count]) => `${status}:${count}`)
    .join(' ');
}

function table(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => String(row[column]).length)),
  );
  return rows
    .map((row, index) => {
      const line = `| ${row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join(' | ')} |`;
      return index === 0
        ? `${line}\n|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`
        : line;
    })
    .join('\n');
}

async function main() {
  console.log(
    `fuzz: seed ${seed}, ${requestsPerEndpoint} requests per endpoint, ${concurrency} in flight, ${baseUrl}`,
  );
  const context = await setUp(client, baseUrl);
  const endpoints = pavedEndpoints(context).filter(
    spec => !only || spec.name.includes(only),
  );
  if (endpoints.length === 0) {
    console.log(`FUZZ_ONLY=${only} names no endpoint`);
    process.exit(2);
  }
  const results = [];
  let died = false;
  for (const spec of endpoints) {
    // Guest tokens live an hour; a long run signs in again for each endpoint.
    context.guestToken = await signInAsGuest(client);
    const started = Date.now();
    const result = await fuzzEndpoint(spec, context);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  ${spec.name}: ${histogram(result.statuses)} (${seconds} s)`);
    results.push({ spec, ...result, seconds });
    if (!(await client.isAlive())) {
      died = true;
      console.log(`the backend stopped answering after ${spec.name}`);
      break;
    }
  }

  console.log(`\nseed ${seed}\n`);
  console.log(
    table([
      ['endpoint', 'requests', 'status codes', 'failures'],
      ...results.map(r => [
        r.spec.name,
        r.requests,
        histogram(r.statuses),
        r.failures.length,
      ]),
    ]),
  );
  const failing = results.filter(r => r.failures.length);
  for (const r of failing) {
    console.log(
      `\n${r.spec.name}: ${r.failures.length} failing requests, first ${MAX_EXAMPLES_PER_ENDPOINT}:`,
    );
    for (const f of r.failures.slice(0, MAX_EXAMPLES_PER_ENDPOINT)) {
      console.log(
        `  case ${f.caseNumber} [${f.change}] -> ${f.status} ${f.problem}`,
      );
      console.log(`    ${f.method} ${f.target.slice(0, 200)}`);
      if (f.bytes)
        console.log(
          `    Content-Type ${
            f.headers['Content-Type'] ?? '(none)'
          }, body ${preview(f.bytes)}`,
        );
    }
    console.log(
      `  replay one: FUZZ_SEED=${seed} FUZZ_ONLY='${r.spec.name}' FUZZ_CASE=${r.failures[0].caseNumber} make fuzz`,
    );
  }

  const resultsDir = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../results',
  );
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(
    resultsDir,
    `fuzz-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        seed,
        requestsPerEndpoint,
        died,
        endpoints: results.map(r => ({
          endpoint: r.spec.name,
          requests: r.requests,
          seconds: Number(r.seconds),
          statuses: Object.fromEntries(r.statuses),
          failures: r.failures.map(f => ({
            case: f.caseNumber,
            change: f.change,
            status: f.status,
            problem: f.problem,
            method: f.method,
            target: f.target.slice(0, 2000),
            contentType: f.headers['Content-Type'],
            body: f.bytes?.toString('utf8').slice(0, 2000),
          })),
        })),
      },
      null,
      2,
    ),
  );
  console.log(`\nfull results: ${path.relative(process.cwd(), file)}`);
  const total = results.reduce((sum, r) => sum + r.failures.length, 0);
  if (died || total > 0) {
    console.log(
      died ? 'FAILED: the backend died' : `FAILED: ${total} failing requests`,
    );
    process.exit(1);
  }
  console.log(
    `OK: ${results.reduce(
      (sum, r) => sum + r.requests,
      0,
    )} requests, no 5xx, backend up`,
  );
  client.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
