/* What the endpoint modules share: times, windows and ids that exist nowhere. */

export const DAY = 86_400_000;

export const iso = ms => new Date(ms).toISOString();

/** A reporting window as the DevEx routes take it (an offset other than Z on purpose). */
export const windowQuery = rng => ({
  from: iso(Date.parse('2026-08-01T00:00:00Z') + rng.int(0, 30) * DAY),
  to: '2026-11-01T00:00:00+01:00',
});

const hex = (rng, length) =>
  Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');

/** A well-formed version 4 UUID that names nothing (the set-up step never makes it). */
export const unknownUuid = rng =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${rng.pick([
    '8',
    '9',
    'a',
    'b',
  ])}${hex(rng, 3)}-${hex(rng, 12)}`;

/** One of the real ids (most of the time), else an unknown one. */
export const realOrUnknown = (rng, ids, unknown = unknownUuid) =>
  ids.length && rng.chance(0.8) ? rng.pick(ids) : unknown(rng);
