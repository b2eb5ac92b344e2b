import {
  Entity,
  GroupEntity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A catalog Group as the drill-down shows it. */
export interface Team {
  ref: string;
  name: string;
  title: string;
  parentRef?: string;
  /** 0 for a root group; the drill-down indents by it. */
  depth: number;
}

export function entityTitle(entity: Entity): string {
  const profileName = (entity as GroupEntity).spec?.profile?.displayName;
  return entity.metadata.title ?? profileName ?? entity.metadata.name;
}

function toParentRef(entity: GroupEntity): string | undefined {
  const parent = entity.spec?.parent;
  if (!parent) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(parent, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** Groups in hierarchy order (each parent followed by its children), with their depth. */
export function orderTeams(entities: GroupEntity[]): Team[] {
  const byRef = new Map<string, { entity: GroupEntity; parentRef?: string }>();
  for (const entity of entities) {
    byRef.set(stringifyEntityRef(entity), {
      entity,
      parentRef: toParentRef(entity),
    });
  }
  const children = new Map<string | undefined, string[]>();
  for (const [ref, { parentRef }] of byRef) {
    // A parent outside the catalog makes the group a root rather than hiding it.
    const key = parentRef && byRef.has(parentRef) ? parentRef : undefined;
    children.set(key, [...(children.get(key) ?? []), ref]);
  }
  const ordered: Team[] = [];
  const visit = (parentRef: string | undefined, depth: number) => {
    const refs = [...(children.get(parentRef) ?? [])].sort((a, b) =>
      entityTitle(byRef.get(a)!.entity).localeCompare(
        entityTitle(byRef.get(b)!.entity),
      ),
    );
    for (const ref of refs) {
      const { entity } = byRef.get(ref)!;
      ordered.push({
        ref,
        name: entity.metadata.name,
        title: entityTitle(entity),
        parentRef: byRef.get(ref)!.parentRef,
        depth,
      });
      if (depth < 20) visit(ref, depth + 1);
    }
  };
  visit(undefined, 0);
  return ordered;
}

/** The team and every group below it: the owners whose services the team's figures pool. */
export function withDescendants(teams: Team[], teamRef: string): string[] {
  const result = [teamRef];
  for (let i = 0; i < result.length; i++) {
    for (const team of teams) {
      if (team.parentRef === result[i] && !result.includes(team.ref)) {
        result.push(team.ref);
      }
    }
  }
  return result;
}

/** Every Group of the catalog, for the team level of the drill-down. */
export function useTeams() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
        'spec.parent',
      ],
    });
    return orderTeams(response.items as GroupEntity[]);
  }, [catalogApi]);
}

/** Components owned by the given groups, for the service level of the drill-down. */
export function useServices(ownerRefs: string[] | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const key = ownerRefs?.join(',');
  return useAsync(async () => {
    if (!ownerRefs || ownerRefs.length === 0) return [];
    const response = await catalogApi.getEntities({
      filter: { kind: 'Component', 'relations.ownedBy': ownerRefs },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.description',
        'spec.type',
        'spec.owner',
        'spec.lifecycle',
        'spec.system',
      ],
    });
    return response.items
      .map(entity => ({
        ref: stringifyEntityRef(entity),
        title: entityTitle(entity),
        description: entity.metadata.description,
        type: entity.spec?.type as string | undefined,
        owner: entity.spec?.owner as string | undefined,
        system: entity.spec?.system as string | undefined,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi, key]);
}

export type Service = NonNullable<
  ReturnType<typeof useServices>['value']
>[number];
