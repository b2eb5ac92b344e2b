import type { Entity } from '@backstage/catalog-model';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]*)\s*\}\}/g;

function lookup(context: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      context,
    );
}

/**
 * A check's fixer input with `{{ entityRef }}` and `{{ entity.<path> }}` filled in for one entity.
 * A placeholder that names nothing is an error, not an empty string: a fix started with half its
 * input would change the wrong thing.
 */
export function fillPlaceholders(
  input: Record<string, unknown>,
  entityRef: string,
  entity: Entity,
): Record<string, unknown> {
  const context = { entityRef, entity };
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (_, path: string) => {
        const found = lookup(context, path);
        if (
          found === undefined ||
          found === null ||
          typeof found === 'object'
        ) {
          throw new Error(
            `fixer input placeholder {{ ${path} }} has no value for ${entityRef}`,
          );
        }
        return String(found);
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, fill(v)]),
      );
    }
    return value;
  };
  return fill(input) as Record<string, unknown>;
}
