import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TEMPLATE_VERSION,
  isOutdated,
  lineageOf,
} from '@paved/plugin-golden-paths-common';
import type { FactDescriptor } from '@paved/plugin-scorecards-common';
import type {
  CollectedFact,
  FactCollector,
} from '@paved/plugin-scorecards-node';
import { known } from './collectedFacts';

const SOURCE = 'golden-paths';

const descriptors: FactDescriptor[] = [
  {
    factId: 'goldenPath.templateBehind',
    title: 'Behind its template',
    description:
      "The component's paved.dev/template-version is older than its Template entity's.",
    type: 'boolean',
    source: SOURCE,
  },
];

/** Whether a component made from a golden path is behind its template's latest version. */
export class GoldenPathFactCollector implements FactCollector {
  readonly id = SOURCE;
  readonly descriptors = descriptors;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async collect(entities: Entity[]): Promise<CollectedFact[]> {
    const templateRefs = [
      ...new Set(
        entities.flatMap(e => {
          const lineage = lineageOf(e);
          return lineage
            ? [lineage.templateRef.toLocaleLowerCase('en-US')]
            : [];
        }),
      ),
    ];
    const latest = new Map<string, string | undefined>();
    if (templateRefs.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: templateRefs,
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.annotations',
          ],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      items.forEach((item, i) => {
        if (item)
          latest.set(
            templateRefs[i],
            item.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION],
          );
      });
    }
    return entities.map(entity => {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      const lineage = lineageOf(entity);
      if (!lineage) {
        return known(
          ref,
          'goldenPath.templateBehind',
          false,
          'not made from a golden-path template',
        );
      }
      const templateRef = lineage.templateRef.toLocaleLowerCase('en-US');
      if (!latest.has(templateRef)) {
        return {
          entityRef: ref,
          factId: 'goldenPath.templateBehind',
          status: 'unknown',
          value: null,
          reason: `${lineage.templateRef} is not in the catalog`,
        };
      }
      const current = latest.get(templateRef);
      if (!current || !lineage.version) {
        return {
          entityRef: ref,
          factId: 'goldenPath.templateBehind',
          status: 'unknown',
          value: null,
          reason: `no version to compare (component ${
            lineage.version ?? 'none'
          }, template ${current ?? 'none'})`,
        };
      }
      const behind = isOutdated(lineage.version, current);
      return known(
        ref,
        'goldenPath.templateBehind',
        behind,
        `made from ${lineage.templateRef} ${lineage.version}, latest ${current}`,
      );
    });
  }
}
