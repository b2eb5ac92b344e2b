import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DRIFT_CHECKED_STATUSES,
  databaseDriftSchema,
  type DatabaseDrift,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import type { FactDescriptor } from '@paved/plugin-scorecards-common';
import type {
  CollectedFact,
  FactCollector,
} from '@paved/plugin-scorecards-node';
import { allUnknown, known, mapWithLimit } from './collectedFacts';
import { getFromPlugin } from './pluginClient';

const SOURCE = 'provisioning';
const PAST_TTL = 'provisioning.databasesPastTtl';
const DRIFT = 'provisioning.unapprovedDrift';

const descriptors: FactDescriptor[] = [
  {
    factId: PAST_TTL,
    title: 'Databases past their time to live',
    description:
      'Ready databases requested for the component whose expiresAt has passed (GET /api/provisioning/requests).',
    type: 'number',
    source: SOURCE,
  },
  {
    factId: DRIFT,
    title: 'Databases with unapproved drift',
    description:
      "The component's databases whose committed manifest or live object no longer matches the approved request (GET /api/provisioning/requests/:id/drift).",
    type: 'number',
    source: SOURCE,
  },
];

type DriftOrError = DatabaseDrift | { error: string };

/**
 * From the provisioning API: databases a component still holds after their time to live, and
 * databases changed outside Paved (drift the provider sees between what it delivered and what
 * was approved). A database whose drift cannot be compared now makes the drift fact `unknown`
 * unless another one has drifted; one whose provider keeps no declared state does not count.
 */
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
      // One call for the whole batch: the delivered requests, filtered here by component.
      ({ items: requests } = await getFromPlugin<{ items: DatabaseRequest[] }>(
        this.deps,
        'provisioning',
        `/requests?status=${DRIFT_CHECKED_STATUSES.join(',')}`,
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
    const inBatch = new Set(refs);
    const byComponent = new Map<string, DatabaseRequest[]>();
    for (const request of requests) {
      const ref = request.component?.toLocaleLowerCase('en-US');
      if (!ref || !inBatch.has(ref)) continue;
      byComponent.set(ref, [...(byComponent.get(ref) ?? []), request]);
    }
    const drifts = await this.driftOf([...byComponent.values()].flat());
    const now = context.now.getTime();
    return refs.flatMap(ref => {
      const held = byComponent.get(ref) ?? [];
      const expired = held.filter(
        r =>
          r.status === 'ready' && r.expiresAt && Date.parse(r.expiresAt) <= now,
      );
      return [
        known(
          ref,
          PAST_TTL,
          expired.length,
          expired.length === 0
            ? 'no ready database past its expiry'
            : expired
                .map(r => `${r.name} (${r.environment}) expired ${r.expiresAt}`)
                .join(', '),
        ),
        driftFact(ref, held, drifts),
      ];
    });
  }

  /** Each request's drift, a few at a time; a failed call is kept as its error. */
  private async driftOf(
    requests: DatabaseRequest[],
  ): Promise<Map<string, DriftOrError>> {
    const answers = await mapWithLimit(requests, 4, async request => {
      try {
        const body = await getFromPlugin<unknown>(
          this.deps,
          'provisioning',
          `/requests/${encodeURIComponent(request.id)}/drift`,
        );
        return [request.id, databaseDriftSchema.parse(body)] as const;
      } catch (error) {
        return [request.id, { error: (error as Error).message }] as const;
      }
    });
    return new Map<string, DriftOrError>(answers);
  }
}

function driftFact(
  ref: string,
  held: DatabaseRequest[],
  drifts: Map<string, DriftOrError>,
): CollectedFact {
  const label = (r: DatabaseRequest) => `${r.name} (${r.environment})`;
  const drifted: string[] = [];
  const unknown: string[] = [];
  let untracked = 0;
  for (const request of held) {
    const drift = drifts.get(request.id);
    if (!drift || 'error' in drift) {
      unknown.push(
        `${label(request)}: ${drift ? drift.error : 'not compared'}`,
      );
    } else if (drift.state === 'drifted') {
      drifted.push(`${label(request)}: ${drift.detail}`);
    } else if (drift.state === 'unknown') {
      unknown.push(`${label(request)}: ${drift.detail}`);
    } else if (drift.state === 'untracked') {
      untracked += 1;
    }
  }
  if (drifted.length > 0) {
    return known(ref, DRIFT, drifted.length, drifted.join('; '));
  }
  if (unknown.length > 0) {
    return {
      entityRef: ref,
      factId: DRIFT,
      status: 'unknown',
      value: null,
      reason: `drift could not be compared for ${unknown.join('; ')}`,
    };
  }
  const checked = held.length - untracked;
  return known(
    ref,
    DRIFT,
    0,
    [
      `${checked} database${checked === 1 ? '' : 's'} as approved`,
      ...(untracked > 0
        ? [`${untracked} whose provider keeps no declared state`]
        : []),
    ].join('; '),
  );
}
