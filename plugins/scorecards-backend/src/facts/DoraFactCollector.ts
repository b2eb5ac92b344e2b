import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { DoraMetricsResponse } from '@paved/plugin-devex-common';
import type { FactDescriptor } from '@paved/plugin-scorecards-common';
import type {
  CollectedFact,
  FactCollector,
} from '@paved/plugin-scorecards-node';
import { allUnknown, known, mapWithLimit } from './collectedFacts';
import { getFromPlugin } from './pluginClient';

const SOURCE = 'devex';

const METRICS = [
  [
    'deploymentFrequency',
    'dora.deploymentFrequencyLevel',
    'Deployment frequency level',
  ],
  ['leadTime', 'dora.leadTimeLevel', 'Lead time level'],
  [
    'changeFailureRate',
    'dora.changeFailureRateLevel',
    'Change failure rate level',
  ],
  ['recoveryTime', 'dora.recoveryTimeLevel', 'Recovery time level'],
] as const;

const descriptors: FactDescriptor[] = METRICS.map(([, factId, title]) => ({
  factId,
  title,
  description: `${title} (elite, high, medium, low) over the last 90 days, from DevEx (GET /api/devex/dora).`,
  type: 'string',
  source: SOURCE,
}));

/** DORA levels per component, read from the DevEx plugin's API. */
export class DoraFactCollector implements FactCollector {
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
    const to = context.now.toISOString();
    const from = new Date(
      context.now.getTime() - 90 * 86_400_000,
    ).toISOString();
    const perEntity = await mapWithLimit(entities, 4, async entity => {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      let report: DoraMetricsResponse;
      try {
        report = await getFromPlugin<DoraMetricsResponse>(
          this.deps,
          'devex',
          `/dora?entityRef=${encodeURIComponent(ref)}&from=${encodeURIComponent(
            from,
          )}&to=${encodeURIComponent(to)}`,
        );
      } catch (error) {
        return allUnknown(
          ref,
          descriptors,
          `DevEx could not be read: ${(error as Error).message}`,
        );
      }
      const provenance = report.demo ? ' (DevEx demo data)' : '';
      return METRICS.map(([metric, factId]): CollectedFact => {
        const level = report[metric].level;
        return level
          ? known(
              ref,
              factId,
              level,
              `DORA ${metric} is ${level} over 90 days${provenance}`,
            )
          : {
              entityRef: ref,
              factId,
              status: 'unknown',
              value: null,
              reason: `no ${
                metric === 'deploymentFrequency'
                  ? 'production deployments'
                  : 'samples'
              } reported to DevEx in the last 90 days`,
            };
      });
    });
    return perEntity.flat();
  }
}
