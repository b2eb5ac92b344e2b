import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CliError, EXIT_BAD_INPUT } from '../errors';

/**
 * `payments` → `group:default/payments`; a full ref is kept. A ref of another kind is refused
 * naming the option, so `--team system:default/x` never reaches the portal.
 */
export function toEntityRef(
  option: string,
  value: string,
  kind: 'group' | 'system' | 'component',
): string {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    throw new CliError(
      `${option}: '${value}' is not an entity reference (example: ${kind}:default/payments or payments)`,
      EXIT_BAD_INPUT,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new CliError(
      `${option}: '${value}' must refer to a ${kind}, not a ${ref.kind}`,
      EXIT_BAD_INPUT,
    );
  }
  return stringifyEntityRef(ref);
}

/** `/entities/by-name/<kind>/<namespace>/<name>` for a full ref. */
export function byNamePath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/entities/by-name/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}
