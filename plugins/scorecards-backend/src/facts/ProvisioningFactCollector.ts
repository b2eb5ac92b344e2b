import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type { FactDescriptor } from '@paved/plugin-scorecards-common';
import type {
  CollectedFact,
  FactCollector,
} from '@paved/plugin-scorecards-node';
import { allUnknown, known } from './collectedFacts';
import { getFromPlugin } from './pluginClient';

const SOURCE = 'provisioning';

const descriptors: FactDescriptor[] = [
  {
    factId: 'provisioning.databasesPastTtl',
    title: 'Databases past their time to live',
    description:
      'Ready databases requested for the component whose expiresAt has passed (GET /api/provisioning/requests).',
    type: 'number',
    source: SOURCE,
  },
];

/** Databases a component still holds after their time to live, from the provisioning API. */
export class ProvisioningFactCollector implements FactCollector {
  readonly id = SOURCE;
  readonly descriptors = descriptors;

  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  appliesTo(entity: Entity): boolean {
    return entity.kind.toLocaleLowerCase('en-US') === 'component';
  }

  async collect(
    entities: Entity[],
    context: { now: Date },
  ): Promise<CollectedFact[]> {
    const refs = entities.map(e =>
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
    );
    let requests: DatabaseRequest[];
    try {
      // One call for the whole batch: the live requests, filtered here by component.
      ({ items: requests } = await getFromPlugin<{ items: DatabaseRequest[] }>(
        this.deps,
        'provisioning',
        '/requests?status=ready',
      ));
    } catch (error) {
      return refs.flatMap(ref =>
        allUnknown(
          ref,
          descriptors,
          `provisioning could not be read: ${(error as Error).message}`,
        ),
      );
    }
    const now = context.now.getTime();
    const pastTtl = new Map<string, DatabaseRequest[]>();
    for (const request of requests) {
      if (!request.component || !request.expiresAt) continue;
      if (Date.parse(request.expiresAt) > now) continue;
      const ref = request.component.toLocaleLowerCase('en-US');
      pastTtl.set(ref, [...(pastTtl.get(ref) ?? []), request]);
    }
    return refs.map(ref => {
      const expired = pastTtl.get(ref) ?? [];
      return known(
        ref,
        'provisioning.databasesPastTtl',
        expired.length,
        expired.length === 0
          ? 'no ready database past its expiry'
          : expired
              .map(r => `${r.name} (${r.environment}) expired ${r.expiresAt}`)
              .join(', '),
      );
    });
  }
}
