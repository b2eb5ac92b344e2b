import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';

/** The entity's owner as a full, lower-case entity ref (from its ownedBy relation). */
export function ownerOf(entity: Entity): string | undefined {
  return entity.relations
    ?.find(r => r.type === RELATION_OWNED_BY)
    ?.targetRef.toLocaleLowerCase('en-US');
}

/** `component:default/x` → the portal path of its page, `/catalog/default/component/x`. */
export function entityPagePath(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return `/catalog/${namespace}/${kind}/${name}`;
}
