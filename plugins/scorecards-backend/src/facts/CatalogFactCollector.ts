import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PROVIDES_API,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { FactDescriptor } from '@paved/plugin-scorecards-common';
import type {
  CollectedFact,
  FactCollector,
} from '@paved/plugin-scorecards-node';
import { known } from './collectedFacts';

const SOURCE = 'catalog';

const descriptors: FactDescriptor[] = [
  {
    factId: 'catalog.ownerIsGroup',
    title: 'Owner is a group',
    description: 'spec.owner names a Group that exists in the catalog.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'catalog.hasSystem',
    title: 'Part of a system',
    description: 'spec.system names a System that exists in the catalog.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'catalog.hasDescription',
    title: 'Has a description',
    description: 'metadata.description is set.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'catalog.lifecycle',
    title: 'Lifecycle',
    description: 'spec.lifecycle as written.',
    type: 'string',
    source: SOURCE,
  },
  {
    factId: 'catalog.type',
    title: 'Type',
    description: 'spec.type as written.',
    type: 'string',
    source: SOURCE,
  },
  {
    factId: 'catalog.hasDocs',
    title: 'Has TechDocs',
    description: 'The backstage.io/techdocs-ref annotation is set.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'catalog.providedApis',
    title: 'Provided APIs',
    description: 'How many APIs the entity provides.',
    type: 'number',
    source: SOURCE,
  },
  {
    factId: 'catalog.apisHaveDefinitions',
    title: 'APIs have definitions',
    description:
      'Every provided API exists and has a non-empty spec.definition.',
    type: 'boolean',
    source: SOURCE,
  },
];

const TECHDOCS_REF = 'backstage.io/techdocs-ref';

function targets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
}

function describeOwner(owner: string | undefined, isGroup: boolean): string {
  if (owner === undefined) return 'no spec.owner';
  if (isGroup) return `owned by ${owner}`;
  return `${owner} is ${
    owner.startsWith('group:') ? 'not in the catalog' : 'not a group'
  }`;
}

function describeApis(apis: string[], undocumented: string[]): string {
  if (apis.length === 0) return 'provides no APIs';
  if (undocumented.length === 0) return `${apis.length} API definition(s)`;
  return `without a definition: ${undocumented.join(', ')}`;
}

/**
 * Facts the catalog itself knows: ownership, system, lifecycle, docs annotation, and whether the
 * APIs an entity provides have definitions. Reads related entities in one batch per run.
 */
export class CatalogFactCollector implements FactCollector {
  readonly id = SOURCE;
  readonly descriptors = descriptors;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async collect(entities: Entity[]): Promise<CollectedFact[]> {
    const related = new Set<string>();
    for (const entity of entities) {
      for (const type of [
        RELATION_OWNED_BY,
        RELATION_PART_OF,
        RELATION_PROVIDES_API,
      ]) {
        targets(entity, type).forEach(ref => related.add(ref));
      }
    }
    const credentials = await this.auth.getOwnServiceCredentials();
    const refs = [...related];
    const found = new Map<string, Entity>();
    for (let i = 0; i < refs.length; i += 500) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: refs.slice(i, i + 500),
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'spec.definition',
          ],
        },
        { credentials },
      );
      for (const item of items) {
        if (item)
          found.set(stringifyEntityRef(item).toLocaleLowerCase('en-US'), item);
      }
    }
    return entities.flatMap(entity => this.factsOf(entity, found));
  }

  private factsOf(entity: Entity, found: Map<string, Entity>): CollectedFact[] {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const owners = targets(entity, RELATION_OWNED_BY);
    const owner = owners[0];
    const ownerIsGroup =
      owner !== undefined && owner.startsWith('group:') && found.has(owner);
    const systems = targets(entity, RELATION_PART_OF).filter(r =>
      r.startsWith('system:'),
    );
    const apis = targets(entity, RELATION_PROVIDES_API);
    const undocumented = apis.filter(api => {
      const definition = (
        found.get(api)?.spec as Record<string, unknown> | undefined
      )?.definition;
      return typeof definition !== 'string' || definition.trim() === '';
    });
    const facts: CollectedFact[] = [
      known(
        ref,
        'catalog.ownerIsGroup',
        ownerIsGroup,
        describeOwner(owner, ownerIsGroup),
      ),
      known(
        ref,
        'catalog.hasSystem',
        systems.some(s => found.has(s)),
        systems.length === 0
          ? 'no spec.system'
          : `part of ${systems.join(', ')}`,
      ),
      known(
        ref,
        'catalog.hasDescription',
        Boolean(entity.metadata.description?.trim()),
      ),
      known(
        ref,
        'catalog.hasDocs',
        Boolean(entity.metadata.annotations?.[TECHDOCS_REF]),
      ),
      known(ref, 'catalog.providedApis', apis.length),
      known(
        ref,
        'catalog.apisHaveDefinitions',
        undocumented.length === 0,
        describeApis(apis, undocumented),
      ),
    ];
    for (const [factId, value] of [
      ['catalog.lifecycle', spec.lifecycle],
      ['catalog.type', spec.type],
    ] as const) {
      facts.push(
        typeof value === 'string'
          ? known(ref, factId, value)
          : {
              entityRef: ref,
              factId,
              status: 'unknown',
              value: null,
              reason: `no spec.${factId.split('.')[1]}`,
            },
      );
    }
    return facts;
  }
}
