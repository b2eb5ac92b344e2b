import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_PROVISIONING_REQUEST } from '@paved/plugin-provisioning-common';

/** Where the tab appears: Resources made by provisioning, and Components and Systems that may use one. */
export function isDatabaseTabAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    (kind === 'resource' &&
      Boolean(
        entity.metadata.annotations?.[ANNOTATION_PROVISIONING_REQUEST],
      )) ||
    kind === 'component' ||
    kind === 'system'
  );
}
