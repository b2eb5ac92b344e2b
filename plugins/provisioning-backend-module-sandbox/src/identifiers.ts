import {
  DNS_LABEL_MAX_LENGTH,
  DNS_LABEL_PATTERN,
} from '@paved/plugin-provisioning-common';

/** Paved's ids (requests, snapshots): lowercase UUIDs. */
export const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IDENTIFIER_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** Keeps the role/database name under PostgreSQL's 63-byte identifier limit with prefix and suffix. */
const NAME_PART_MAX = 40;

export class InvalidIdentifierError extends Error {
  name = 'InvalidIdentifierError';
}

/**
 * The PostgreSQL role and database name of a request: `paved_<name>_<first 8 hex of the id>`, with
 * the DNS label's `-` turned into `_`. Derived from the request alone, so every retry of
 * provision or deprovision addresses the same objects; the id suffix keeps two requests with one
 * name (another team, another environment, a re-created request) apart.
 *
 * Throws for anything that is not a lowercase DNS label and a UUID: names are validated before
 * they reach SQL, and quoted there as well.
 */
export function sandboxIdentifier(request: {
  id: string;
  name: string;
}): string {
  if (
    typeof request.name !== 'string' ||
    request.name.length > DNS_LABEL_MAX_LENGTH ||
    !DNS_LABEL_PATTERN.test(request.name)
  ) {
    throw new InvalidIdentifierError(
      `name: "${String(request.name).slice(
        0,
        80,
      )}" is not a lowercase DNS label`,
    );
  }
  if (!UUID_PATTERN.test(request.id)) {
    throw new InvalidIdentifierError(
      `id: "${String(request.id).slice(0, 80)}" is not a UUID`,
    );
  }
  const namePart = request.name
    .slice(0, NAME_PART_MAX)
    .replace(/-/g, '_')
    .replace(/_+$/, '');
  const identifier = `paved_${namePart}_${request.id
    .replace(/-/g, '')
    .slice(0, 8)}`;
  if (!IDENTIFIER_PATTERN.test(identifier)) {
    throw new InvalidIdentifierError(
      `derived identifier "${identifier}" is not safe`,
    );
  }
  return identifier;
}

/** Double-quotes an identifier that already passed {@link sandboxIdentifier}'s checks. */
export function quoteIdentifier(identifier: string): string {
  if (!IDENTIFIER_PATTERN.test(identifier)) {
    throw new InvalidIdentifierError(`identifier "${identifier}" is not safe`);
  }
  return `"${identifier.replace(/"/g, '""')}"`;
}
