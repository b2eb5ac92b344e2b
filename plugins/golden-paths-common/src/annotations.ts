import type { Entity } from '@backstage/catalog-model';

/** On a component: entity ref of the template that created it. */
export const ANNOTATION_TEMPLATE = 'paved.dev/template';

/**
 * On a component: the template's version when it was created (or last upgraded).
 * On a Template: its current version.
 */
export const ANNOTATION_TEMPLATE_VERSION = 'paved.dev/template-version';

/** On a component: when the golden path created it, RFC 3339 with offset. */
export const ANNOTATION_CREATED_AT = 'paved.dev/created-at';

/** What a component records about the golden path that created it. */
export interface Lineage {
  templateRef: string;
  version?: string;
  /** Epoch milliseconds, when the template wrote `paved.dev/created-at` and it parses. */
  createdAt?: number;
}

/** The lineage a component carries, or `undefined` for a component not made from a template. */
export function lineageOf(
  entity: Pick<Entity, 'metadata'>,
): Lineage | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const templateRef = annotations[ANNOTATION_TEMPLATE];
  if (!templateRef) {
    return undefined;
  }
  const createdAt = Date.parse(annotations[ANNOTATION_CREATED_AT] ?? '');
  return {
    templateRef,
    version: annotations[ANNOTATION_TEMPLATE_VERSION] || undefined,
    createdAt: Number.isFinite(createdAt) ? createdAt : undefined,
  };
}

/** Whether an entity was made from a golden-path template. */
export function hasLineage(entity: Pick<Entity, 'metadata'>): boolean {
  return lineageOf(entity) !== undefined;
}

/** `1.2.3` or `v1.2.3` (a pre-release or build suffix is ignored) as numbers, or undefined. */
export function parseTemplateVersion(
  version: string | undefined,
): [number, number, number] | undefined {
  const match = version?.trim().match(/^v?(\d+)\.(\d+)\.(\d+)/);
  return match
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : undefined;
}

/** Orders two template versions numerically; unparsable versions sort first. */
export function compareTemplateVersions(
  a: string | undefined,
  b: string | undefined,
): number {
  const x = parseTemplateVersion(a);
  const y = parseTemplateVersion(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return 0;
}

/**
 * True if `current` is a later version than `used` (major.minor.patch, numerically). Unknown or
 * unparsable versions are never reported as outdated: no guess is better than a wrong one.
 */
export function isOutdated(
  used: string | undefined,
  current: string | undefined,
): boolean {
  if (!parseTemplateVersion(used) || !parseTemplateVersion(current))
    return false;
  return compareTemplateVersions(used, current) < 0;
}
