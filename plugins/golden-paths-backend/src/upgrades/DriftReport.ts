import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  ComponentUpgradeState,
  Upgrade,
  compareTemplateVersions,
  isOutdated,
  lineageOf,
} from '@paved/plugin-golden-paths-common';
import { UpgradeStore } from '../database/UpgradeStore';
import { toApiUpgrade } from './UpgradeProposals';

export type ComponentDrift = {
  entityRef: string;
  title?: string;
  owner?: string;
  version?: string;
  state: ComponentUpgradeState;
  /** The component's latest proposal, if any. */
  upgrade?: Upgrade;
};

export type TemplateDrift = {
  templateRef: string;
  title?: string;
  latestVersion?: string;
  /** How many components are at each version (`unknown` for none recorded). */
  versions: Record<string, number>;
  components: ComponentDrift[];
};

/** The state of one component against its template's latest version. */
function stateOf(
  version: string | undefined,
  latest: string | undefined,
  upgrade: Upgrade | undefined,
): ComponentUpgradeState {
  if (!version || !latest || !/^v?\d+\.\d+\.\d+/.test(version))
    return 'unknown';
  if (!isOutdated(version, latest)) return 'current';
  if (upgrade && upgrade.toVersion === latest) {
    if (upgrade.status === 'needs-attention') return 'needs-attention';
    if (upgrade.status === 'open' || upgrade.status === 'proposing')
      return 'proposed';
  }
  return 'outdated';
}

/**
 * Template drift: per golden-path template, its latest version and where each component made
 * from it stands (current, outdated, proposed, needs attention), read with the caller's
 * credentials so the catalog's permissions apply.
 */
export class DriftReport {
  constructor(
    private readonly deps: { catalog: CatalogService; store: UpgradeStore },
  ) {}

  /** Golden-path templates and the components made from them, as the credentials may see them. */
  async entities(credentials: BackstageCredentials) {
    const [{ items: templates }, { items: components }] = await Promise.all([
      this.deps.catalog.getEntities(
        {
          filter: {
            kind: 'Template',
            [`metadata.annotations.${ANNOTATION_TEMPLATE_VERSION}`]:
              CATALOG_FILTER_EXISTS,
          },
        },
        { credentials },
      ),
      this.deps.catalog.getEntities(
        {
          filter: {
            kind: 'Component',
            [`metadata.annotations.${ANNOTATION_TEMPLATE}`]:
              CATALOG_FILTER_EXISTS,
          },
        },
        { credentials },
      ),
    ]);
    return { templates, components };
  }

  async compute(credentials: BackstageCredentials): Promise<TemplateDrift[]> {
    const { templates, components } = await this.entities(credentials);
    const upgrades = await this.deps.store.latestPerEntity(
      components.map(c => stringifyEntityRef(c)),
    );
    const byTemplate = new Map<string, TemplateDrift>();
    for (const template of templates) {
      const templateRef = stringifyEntityRef(template);
      byTemplate.set(templateRef, {
        templateRef,
        title: template.metadata.title,
        latestVersion:
          template.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION],
        versions: {},
        components: [],
      });
    }
    for (const component of components) {
      const lineage = lineageOf(component)!;
      const templateRef = lineage.templateRef.toLocaleLowerCase('en-US');
      const drift =
        byTemplate.get(templateRef) ??
        byTemplate
          .set(templateRef, { templateRef, versions: {}, components: [] })
          .get(templateRef)!;
      const entityRef = stringifyEntityRef(component);
      const record = upgrades.get(entityRef);
      const upgrade = record && toApiUpgrade(record);
      drift.components.push({
        entityRef,
        title: component.metadata.title,
        owner: ownerOf(component),
        version: lineage.version,
        state: stateOf(lineage.version, drift.latestVersion, upgrade),
        ...(upgrade && { upgrade }),
      });
      const key = lineage.version ?? 'unknown';
      drift.versions[key] = (drift.versions[key] ?? 0) + 1;
    }
    for (const drift of byTemplate.values()) {
      drift.components.sort(
        (a, b) =>
          compareTemplateVersions(a.version, b.version) ||
          a.entityRef.localeCompare(b.entityRef),
      );
    }
    return [...byTemplate.values()].sort((a, b) =>
      a.templateRef.localeCompare(b.templateRef),
    );
  }
}

function ownerOf(entity: Entity): string | undefined {
  return entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef;
}
