import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { violationsError } from '@paved/backend-platform';
import type { LocationRegistrationStore } from './LocationRegistrationStore';

/** Name of the rule in errors and the README. */
export const OWNED_BY_REGISTRANT_RULE = 'owned-by-registrant';

/**
 * Entities of a registered location must be owned by a team of the person who registered it (or
 * that person), unless they are in the platform team. Checked every time the catalog processes
 * the entity, so editing `spec.owner` in the repository after registration is refused as well;
 * the entity then keeps its last accepted version and shows the error.
 * Locations from config and entity providers have no registration and are not restricted here.
 */
export class RegisteredLocationOwnershipProcessor implements CatalogProcessor {
  constructor(
    private readonly registrations: LocationRegistrationStore,
    private readonly platformTeam: string,
  ) {}

  getProcessorName() {
    return 'PavedRegisteredLocationOwnershipProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: unknown,
    originLocation: LocationSpec,
  ): Promise<Entity> {
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string') return entity;
    const registration = await this.registrations.get(
      `${originLocation.type}:${originLocation.target}`,
    );
    if (!registration?.ownershipRefs) return entity;
    const claims = registration.ownershipRefs.map(ref => ref.toLowerCase());
    if (claims.includes(this.platformTeam)) return entity;
    let ownerRef: string;
    try {
      ownerRef = stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ).toLowerCase();
    } catch {
      return entity; // the catalog's own validation reports a malformed owner
    }
    if (claims.includes(ownerRef)) return entity;
    throw violationsError([
      {
        field: 'spec.owner',
        problem: `${ownerRef} is not a team of ${registration.registeredBy}, who registered ${originLocation.target}; only that team (or the platform team) may register it`,
        rule: OWNED_BY_REGISTRANT_RULE,
      },
    ]);
  }
}
