/*
 * Reproducible generators of hostile HTTP input: a seeded PRNG, JSON values of every type,
 * mutations of a valid body at a random path, malformed JSON text, deep nesting and bad query
 * strings. No dependencies, so a run is reproducible from the printed seed alone.
 */

/** A raw JSON token written as-is, for numbers JSON.stringify cannot express (`1e999`, `-0`). */
export class RawJson {
  constructor(text) {
    this.text = text;
  }
}

/** mulberry32: small, fast and good enough to spread test cases; the same seed gives the same run. */
export class Prng {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability) {
    return this.next() < probability;
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight from `[[weight, value], ...]`. */
  weighted(entries) {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][1];
  }

  /** A derived generator, so each endpoint's cases do not depend on how many others ran. */
  fork(label) {
    let hash = this.state ^ 0x9e3779b9;
    for (const char of label)
      hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
    return new Prng(hash);
  }
}

const TRICKY_STRINGS = [
  '',
  ' ',
  '\t\n',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  "a'; DROP TABLE requests; --",
  'a"; DROP DATABASE postgres; --',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  '\u001f\u007f',
  '%s%s%n',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'group:default/payments',
  'component:default/payments-api',
  'user:default/sam.rivera',
  'group:',
  ':/',
  'a:b/c/d',
  'group:default/',
  '2024-02-30T00:00:00Z',
  '2024-13-01T00:00:00+01:00',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31T23:59:59.999999999+14:00',
  '2026-11-23',
  'T',
  'Europe/Berlin',
  'Mars/Olympus_Mons',
  'production',
  'development',
  'ephemeral',
  'small',
  'large',
  'postgresql',
  'sandbox',
  'success',
  'failed',
  'deployment',
  'incident',
  'survey',
  'week',
  'datenbank-größe',
  'Ω≈ç√∫˜µ≤≥÷',
  '𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐',
  '👩‍👩‍👧‍👦',
  '\u202eevil',
  '\ud800',
  '\udfff\ud800',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
];

const TRICKY_NUMBERS = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  5,
  10,
  11,
  72,
  73,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
  new RawJson('-0'),
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('9007199254740993'),
  new RawJson('123456789012345678901234567890123456789'),
  new RawJson('1.00000000000000000000000000001'),
  new RawJson('5e-324'),
  new RawJson('1E2'),
];

const ASCII =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/ %&=?#[]{}"\'\\<>;,+*!@$^|~`';

/** Percent-encodes any string, lone surrogates included (as U+FFFD). */
export function encodePart(text) {
  return encodeURIComponent(text.toWellFormed());
}

export function randomAscii(rng, maxLength) {
  let text = '';
  const length = rng.int(0, maxLength);
  for (let i = 0; i < length; i++) text += ASCII[rng.int(0, ASCII.length - 1)];
  return text;
}

/** Any code points, including unpaired surrogates and control characters. */
export function randomUnicode(rng, maxLength) {
  let text = '';
  const length = rng.int(0, maxLength);
  for (let i = 0; i < length; i++) {
    text += String.fromCharCode(
      rng.weighted([
        [4, rng.int(0x20, 0x7e)],
        [1, rng.int(0, 0x1f)],
        [2, rng.int(0x80, 0xffff)],
      ]),
    );
  }
  return text;
}

export function randomString(rng) {
  return rng.weighted([
    [5, () => rng.pick(TRICKY_STRINGS)],
    [4, () => randomAscii(rng, 40)],
    [2, () => randomUnicode(rng, 40)],
    [1, () => 'a'.repeat(rng.pick([64, 201, 256, 2001, 5000, 20000]))],
    [1, () => rng.pick(TRICKY_STRINGS).repeat(rng.int(2, 50))],
  ])();
}

export function randomNumber(rng) {
  return rng.weighted([
    [5, () => rng.pick(TRICKY_NUMBERS)],
    [2, () => rng.int(-1000, 1000)],
    [1, () => (rng.next() - 0.5) * 10 ** rng.int(-10, 300)],
  ])();
}

/** A JSON value of any type, nested up to `depth`. */
export function randomValue(rng, depth = 2) {
  const scalar = () =>
    rng.weighted([
      [4, () => randomString(rng)],
      [3, () => randomNumber(rng)],
      [1, () => rng.chance(0.5)],
      [1, () => null],
    ])();
  if (depth <= 0) return scalar();
  return rng.weighted([
    [6, scalar],
    [
      1,
      () =>
        Array.from({ length: rng.int(0, 4) }, () =>
          randomValue(rng, depth - 1),
        ),
    ],
    [
      1,
      () =>
        Object.fromEntries(
          Array.from({ length: rng.int(0, 4) }, () => [
            rng.chance(0.7) ? randomAscii(rng, 12) : randomString(rng),
            randomValue(rng, depth - 1),
          ]),
        ),
    ],
    [1, () => deepValue(rng, rng.int(50, 5000))],
  ])();
}

/** `[[[...]]]` or `{"a":{"a":...}}`, `depth` levels. */
export function deepValue(rng, depth) {
  return new RawJson(deepText(rng, depth));
}

export function deepText(rng, depth) {
  return rng.chance(0.5)
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** JSON.stringify that writes RawJson tokens verbatim. */
export function toJsonText(value) {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${JSON.stringify(key)}:${toJsonText(inner)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function clone(value) {
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, clone(v)]),
    );
  }
  return value;
}

/** Every path to a value inside a JSON document (arrays and objects included), root first. */
function paths(value, prefix = []) {
  const found = [prefix];
  if (value instanceof RawJson) return found;
  if (Array.isArray(value)) {
    value.forEach((inner, index) =>
      found.push(...paths(inner, [...prefix, index])),
    );
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      found.push(...paths(inner, [...prefix, key]));
  }
  return found;
}

/**
 * Changes a valid document at one to three random places: a value of another type, a removed
 * field, an unknown field, a duplicated array element. Returns the document and what was done.
 */
export function mutateDocument(rng, document) {
  let result = clone(document);
  const changes = [];
  for (let round = rng.int(1, 3); round > 0; round--) {
    const all = paths(result);
    const path = rng.pick(all);
    const label = path.length ? path.join('.') : 'body';
    const parent = path.length
      ? path.slice(0, -1).reduce((node, key) => node[key], result)
      : undefined;
    const key = path[path.length - 1];
    const target = path.length ? parent[key] : result;
    const action = rng.weighted([
      [6, 'replace'],
      [2, 'remove'],
      [1, 'add'],
      [1, 'repeat'],
    ]);
    if (
      action === 'add' &&
      target &&
      typeof target === 'object' &&
      !Array.isArray(target) &&
      !(target instanceof RawJson)
    ) {
      const name = rng.chance(0.5)
        ? randomAscii(rng, 10)
        : rng.pick(['__proto__', 'constructor', 'extra', 'id', 'status']);
      target[name] = randomValue(rng);
      changes.push(`${label}+${JSON.stringify(name)}`);
    } else if (
      action === 'repeat' &&
      Array.isArray(target) &&
      target.length > 0
    ) {
      const times = rng.pick([2, 10, 1001, 5001]);
      const element = target[0];
      target.length = 0;
      for (let i = 0; i < times; i++) target.push(clone(element));
      changes.push(`${label}x${times}`);
    } else if (action === 'remove' && path.length) {
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
      changes.push(`-${label}`);
    } else {
      const replacement = randomValue(rng);
      if (path.length) parent[key] = replacement;
      else result = replacement;
      changes.push(`${label}=${toJsonText(replacement).slice(0, 40)}`);
    }
  }
  return { document: result, change: changes.join(' ') };
}

/** Breaks JSON text: truncation, stray or missing characters, invalid escapes and encodings. */
export function malformJson(rng, text) {
  const at = rng.int(0, text.length);
  return rng.weighted([
    [
      3,
      () => ({
        bytes: Buffer.from(text.slice(0, at)),
        change: `truncated at ${at}`,
      }),
    ],
    [
      2,
      () => {
        const insert = rng.pick([
          ',',
          '}',
          ']',
          '{',
          '[',
          '"',
          ':',
          '\\',
          "'",
          'NaN',
          'undefined',
          '//x\n',
          '/*',
          '\u0000',
        ]);
        return {
          bytes: Buffer.from(text.slice(0, at) + insert + text.slice(at)),
          change: `inserted ${JSON.stringify(insert)} at ${at}`,
        };
      },
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(`${text.slice(0, -1)},}`),
        change: 'trailing comma',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(text.replace(/"/g, "'")),
        change: 'single quotes',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(`{"a":"\\u12"}`),
        change: 'invalid \\u escape',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(`{"a":"\\x41"}`),
        change: 'invalid \\x escape',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(text),
        ]),
        change: 'UTF-8 BOM',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.concat([
          Buffer.from(text.slice(0, at)),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from(text.slice(at)),
        ]),
        change: `invalid UTF-8 at ${at}`,
      }),
    ],
    [1, () => ({ bytes: Buffer.alloc(0), change: 'empty body' })],
    [1, () => ({ bytes: Buffer.from('   \n'), change: 'whitespace body' })],
    [
      1,
      () => ({ bytes: Buffer.from(`${text}${text}`), change: 'two documents' }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(
          rng.pick(['null', 'true', '1', '"x"', '[]', '{}', '[null]', '1e999']),
        ),
        change: 'bare value',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(`{"a":${'9'.repeat(rng.int(400, 5000))}}`),
        change: 'very long number',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(
          `{${Array.from({ length: 3000 }, (_, i) => `"k${i}":${i}`).join(
            ',',
          )}}`,
        ),
        change: '3000 keys',
      }),
    ],
    [
      1,
      () => ({
        bytes: Buffer.from(`{"a":1,"a":"x","a":null}`),
        change: 'duplicate keys',
      }),
    ],
  ])();
}

/** A body just over (or far over) the limit, as JSON that would otherwise parse. */
export function oversizedBody(rng, limitBytes) {
  const size = Math.round(limitBytes * rng.pick([1.01, 1.5, 4]));
  return {
    bytes: Buffer.from(`{"padding":"${'x'.repeat(size)}"}`),
    change: `${size} bytes (limit ${limitBytes})`,
  };
}

/** A raw query string: repeated, bracketed, deeply nested, undecodable or many parameters. */
export function malformQuery(rng, validQuery) {
  const names = Object.keys(validQuery);
  const encoded = encodePart;
  const name =
    names.length && rng.chance(0.8)
      ? rng.pick(names)
      : encoded(randomAscii(rng, 8)) || 'x';
  const value = () =>
    encoded(toJsonText(randomValue(rng, 0)).replace(/^"|"$/g, ''));
  const base = Object.entries(validQuery)
    .filter(([key]) => key !== name)
    .map(([key, v]) => `${encoded(key)}=${encoded(v)}`);
  const bad = rng.weighted([
    [3, () => `${name}=${value()}`],
    [2, () => `${name}=${value()}&${name}=${value()}`],
    [1, () => `${name}[]=${value()}`],
    [1, () => `${name}[a]=${value()}`],
    [1, () => `${name}${'[a]'.repeat(rng.int(2, 30))}=${value()}`],
    [1, () => `${name}=%ZZ%`],
    [1, () => `${name}=%C3%28%FF`],
    [1, () => `${name}=%00`],
    [1, () => `${name}`],
    [1, () => `${name}=`],
    [1, () => `=${value()}`],
    [1, () => `${name}=${'x'.repeat(rng.pick([1000, 6000]))}`],
    [
      1,
      () =>
        Array.from(
          { length: rng.pick([100, 1500]) },
          (_, i) => `p${i}=${i}`,
        ).join('&'),
    ],
    [1, () => `${name}=a&&&&=&${name}`],
    [1, () => `__proto__[x]=1&constructor[prototype][x]=1`],
  ])();
  return [...base, bad].join('&');
}

/** A path parameter that is not what the route expects (written raw into the path). */
export function badPathParam(rng) {
  return rng.weighted([
    [3, () => encodePart(randomString(rng)) || '%20'],
    [2, () => '00000000-0000-0000-0000-000000000000'],
    [1, () => 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    [1, () => 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF'],
    [1, () => '%ZZ'],
    [1, () => '%E0%A4%A'],
    [1, () => '%2e%2e%2f%2e%2e%2fpolicy'],
    [1, () => '..%2F..%2F'],
    [1, () => 'x'.repeat(rng.pick([100, 5000]))],
    [1, () => '%00'],
    [1, () => `${rng.int(0, 99999)}`],
    // Beyond a 32-bit integer column (PostgreSQL refuses such a parameter) and beyond 2^63.
    [1, () => rng.pick(['2147483648', '9999999999', '9223372036854775808'])],
  ])();
}
