import type { Entity } from '@backstage/catalog-model';

/** Set by the provisioning backend on the Resource of a ready database. */
export const PROVISIONING_REQUEST_ANNOTATION = 'paved.dev/provisioning-request';

/** Where the tab appears: Resources made by provisioning, and Components and Systems that may use one. */
export function isDatabaseTabAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    (kind === 'resource' &&
      Boolean(
        entity.metadata.annotations?.[PROVISIONING_REQUEST_ANNOTATION],
      )) ||
    kind === 'component' ||
    kind === 'system'
  );
}
