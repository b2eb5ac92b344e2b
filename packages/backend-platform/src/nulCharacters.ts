import { RequestHandler } from 'express';
import { Violation, violationsError, formatFieldPath } from './inputErrors';

/** At most this many fields are named; a body of thousands of them needs no longer message. */
const MAX_NAMED_FIELDS = 10;

/** Where a value sits: its key under its parent's place (the root has none). */
interface Place {
  parent?: Place;
  key?: string | number;
}

function pathOf(place: Place): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: Place | undefined = place; at?.parent; at = at.parent) {
    path.push(at.key!);
  }
  return path.reverse();
}

/**
 * Paths of the strings (and object keys) holding a NUL character in a parsed JSON value or query,
 * walked without recursion (bodies may nest thousands of levels deep) and in time linear in the
 * value's size: a place points at its parent, and a path is spelt out only for what is found.
 */
export function pathsWithNulCharacter(
  value: unknown,
  limit = MAX_NAMED_FIELDS,
): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const pending: Array<[unknown, Place]> = [[value, {}]];
  while (pending.length > 0 && found.length < limit) {
    const [current, place] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(pathOf(place));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        pending.push([current[i], { parent: place, key: i }]);
      }
    } else if (current !== null && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current).reverse()) {
        const child = { parent: place, key };
        if (key.includes('\u0000')) found.push(pathOf(child));
        else pending.push([inner, child]);
      }
    }
  }
  return found.slice(0, limit);
}

const nulViolation = (field: string): Violation => ({
  field,
  problem: 'must not contain the NUL character (U+0000)',
  rule: 'no-nul-character',
});

/** One violation per field of a parsed JSON value that holds a NUL character; `whole` names the value itself. */
export function nulCharacterViolations(
  value: unknown,
  whole = 'body',
): Violation[] {
  return pathsWithNulCharacter(value).map(path =>
    nulViolation(formatFieldPath(path) || whole),
  );
}

/**
 * Refuses a request whose path, query or JSON body holds a NUL character, with a 400 naming each
 * field. PostgreSQL cannot store or even compare a text with U+0000 (it fails the statement), and
 * no field of Paved's means one. Goes after the JSON body parser.
 */
export function nulCharacterGuard(): RequestHandler {
  return (req, _res, next) => {
    const violations: Violation[] = [];
    // Path parameters are decoded per route, later: a NUL in one is `%00` in the raw path.
    if (/%00/i.test(req.path)) violations.push(nulViolation('path'));
    violations.push(...nulCharacterViolations(req.query, 'query'));
    violations.push(...nulCharacterViolations(req.body, 'body'));
    next(violations.length ? violationsError(violations) : undefined);
  };
}
