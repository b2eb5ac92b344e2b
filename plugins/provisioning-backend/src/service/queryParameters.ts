import { InputError } from '@backstage/errors';
import { GROUP_REF_PATTERN } from '../config';

/** A query parameter given once, several times or comma-separated, as a list; undefined if absent. */
export function queryList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap(v => {
    if (typeof v !== 'string') {
      throw new InputError(
        `${field}: must be a string (rule: query parameter)`,
      );
    }
    return v
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
  });
  return values;
}

/** Refuses the first `owner` that is not a group entity ref. */
export function assertGroupRefs(owners: string[]): void {
  const invalid = owners.find(owner => !GROUP_REF_PATTERN.test(owner));
  if (invalid !== undefined) {
    throw new InputError(
      `owner: "${invalid.slice(
        0,
        64,
      )}" is not a group entity ref (rule: entity ref)`,
    );
  }
}
