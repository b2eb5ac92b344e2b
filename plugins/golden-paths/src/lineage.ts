import { Entity } from '@backstage/catalog-model';

/** Entity ref of the template a component was created from (set by the golden paths). */
export const TEMPLATE_ANNOTATION = 'paved.dev/template';
/** Version of that template at creation; on a Template, its current version. */
export const TEMPLATE_VERSION_ANNOTATION = 'paved.dev/template-version';

/** What a component records about the golden path that created it. */
export type Lineage = { templateRef: string; version?: string };

export function lineageOf(entity: Entity): Lineage | undefined {
  const templateRef = entity.metadata.annotations?.[TEMPLATE_ANNOTATION];
  if (!templateRef) {
    return undefined;
  }
  return {
    templateRef,
    version:
      entity.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION] || undefined,
  };
}

export function hasLineage(entity: Entity): boolean {
  return lineageOf(entity) !== undefined;
}

function parseVersion(version: string): number[] | undefined {
  const match = version.trim().match(/^v?(\d+)\.(\d+)\.(\d+)/);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

/**
 * True if `current` is a later version than `used` (major.minor.patch, numerically). Unknown
 * or unparsable versions are never reported as outdated: no guess is better than a wrong one.
 */
export function isOutdated(
  used: string | undefined,
  current: string | undefined,
): boolean {
  const a = used ? parseVersion(used) : undefined;
  const b = current ? parseVersion(current) : undefined;
  if (!a || !b) {
    return false;
  }
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i];
    }
  }
  return false;
}
