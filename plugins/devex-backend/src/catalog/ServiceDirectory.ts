import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Entity,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { lineageOf } from '@paved/plugin-golden-paths-common';

/** GitHub's repository annotation (a Backstage convention, not a Paved contract). */
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

export interface ComponentInfo {
  entityRef: string;
  ownerRef: string | null;
  /** The golden-path template that made it (its lineage), if any. */
  templateRef: string | null;
  templateVersion: string | null;
  projectSlug: string | null;
  /** When the golden path created it (epoch ms), if the template recorded it. */
  createdAt: number | null;
}

interface Snapshot {
  loadedAt: number;
  components: ComponentInfo[];
  /** group ref → child group refs */
  children: Map<string, string[]>;
  groups: Set<string>;
}

/** How old a snapshot may be for a group missing from it to be called unknown. */
const UNKNOWN_GROUP_RECHECK_MS = 2_000;

const normalise = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * What DevEx needs from the catalog: which services a group owns (directly or through
 * sub-groups), which component a GitHub repository is, which template made a component.
 * One snapshot of groups and components is cached briefly so dashboards do not hit the catalog
 * on every request.
 */
export class ServiceDirectory {
  private snapshot?: Promise<Snapshot>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      cacheMs: number;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.options.now ? this.options.now() : Date.now();
  }

  private async load(maxAgeMs = this.options.cacheMs): Promise<Snapshot> {
    const current = this.snapshot
      ? await this.snapshot.catch(() => undefined)
      : undefined;
    if (current && this.now() - current.loadedAt < maxAgeMs) return current;
    const next = this.fetchSnapshot();
    this.snapshot = next;
    return next;
  }

  private async fetchSnapshot(): Promise<Snapshot> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: [{ kind: 'Group' }, { kind: 'Component' }],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
          'spec.parent',
          'spec.children',
        ],
      },
      { credentials },
    );
    const children = new Map<string, string[]>();
    const groups = new Set<string>();
    const components: ComponentInfo[] = [];
    const link = (parent: string, child: string) => {
      const list = children.get(parent) ?? [];
      if (!list.includes(child)) list.push(child);
      children.set(parent, list);
    };
    for (const entity of items) {
      const ref = normalise(stringifyEntityRef(entity));
      const namespace = entity.metadata.namespace ?? 'default';
      if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
        groups.add(ref);
        const parent = entity.spec?.parent;
        if (typeof parent === 'string') {
          link(
            normalise(
              stringifyEntityRef(
                parseEntityRef(parent, {
                  defaultKind: 'group',
                  defaultNamespace: namespace,
                }),
              ),
            ),
            ref,
          );
        }
        const childList = entity.spec?.children;
        if (Array.isArray(childList)) {
          for (const child of childList) {
            if (typeof child === 'string') {
              link(
                ref,
                normalise(
                  stringifyEntityRef(
                    parseEntityRef(child, {
                      defaultKind: 'group',
                      defaultNamespace: namespace,
                    }),
                  ),
                ),
              );
            }
          }
        }
      } else {
        components.push(toComponent(entity, ref, namespace));
      }
    }
    return { loadedAt: this.now(), components, children, groups };
  }

  /**
   * Every service owned by the group or any of its sub-groups. Unknown group → 404, but only
   * after a fresh look: a group the catalog ingested since the cached snapshot (a new team, or
   * a portal that just started) is found at once.
   */
  async servicesOwnedBy(groupRef: string): Promise<string[]> {
    const teams = await this.teamWithSubTeams(groupRef);
    const snapshot = await this.load();
    return snapshot.components
      .filter(c => c.ownerRef !== null && teams.has(c.ownerRef))
      .map(c => c.entityRef)
      .sort();
  }

  /**
   * The group and all its sub-groups (lower-case refs). Unknown group → 404, after a fresh look
   * as in {@link ServiceDirectory.servicesOwnedBy}.
   */
  async teamWithSubTeams(groupRef: string): Promise<Set<string>> {
    const root = normalise(groupRef);
    let snapshot = await this.load();
    if (!snapshot.groups.has(root)) {
      snapshot = await this.load(UNKNOWN_GROUP_RECHECK_MS);
    }
    if (!snapshot.groups.has(root)) {
      throw new NotFoundError(`group ${groupRef} is not in the catalog`);
    }
    return teamAndSubTeams(snapshot, root);
  }

  async components(): Promise<ComponentInfo[]> {
    return (await this.load()).components;
  }

  /** The component whose `github.com/project-slug` is `owner/repo` (case-insensitive). */
  async componentForRepository(fullName: string): Promise<string | undefined> {
    const slug = fullName.toLocaleLowerCase('en-US');
    return (await this.load()).components.find(c => c.projectSlug === slug)
      ?.entityRef;
  }

  /**
   * Whether the user is a member of the group or of one of its sub-groups, by the user's
   * `memberOf` relations in the catalog (asked afresh: membership decides what the user may see).
   */
  async isMemberOf(userRef: string, groupRef: string): Promise<boolean> {
    const groups = await this.groupsOf(userRef);
    if (groups.length === 0) return false;
    const team = teamAndSubTeams(await this.load(), normalise(groupRef));
    return groups.some(g => team.has(g));
  }

  /** The groups the user is a direct member of, by the catalog's `memberOf` relations. */
  async groupsOf(userRef: string): Promise<string[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const user = await this.options.catalog.getEntityByRef(userRef, {
      credentials,
    });
    return (user?.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => normalise(r.targetRef));
  }

  /** The first group the user is a member of, for team survey results. */
  async teamOf(userRef: string): Promise<string | null> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const user = await this.options.catalog.getEntityByRef(userRef, {
      credentials,
    });
    const membership = user?.relations?.find(
      r => r.type === RELATION_MEMBER_OF,
    );
    return membership ? normalise(membership.targetRef) : null;
  }
}

/** A group and all its sub-groups, however deep. */
function teamAndSubTeams(snapshot: Snapshot, root: string): Set<string> {
  const teams = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const child of snapshot.children.get(queue.pop()!) ?? []) {
      if (!teams.has(child)) {
        teams.add(child);
        queue.push(child);
      }
    }
  }
  return teams;
}

function toComponent(
  entity: Entity,
  ref: string,
  namespace: string,
): ComponentInfo {
  const owner = entity.spec?.owner;
  const annotations = entity.metadata.annotations ?? {};
  const lineage = lineageOf(entity);
  let ownerRef: string | null = null;
  if (typeof owner === 'string') {
    try {
      ownerRef = normalise(
        stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: namespace,
          }),
        ),
      );
    } catch {
      ownerRef = null;
    }
  }
  return {
    entityRef: ref,
    ownerRef,
    templateRef: lineage?.templateRef ?? null,
    templateVersion: lineage?.version ?? null,
    projectSlug:
      annotations[PROJECT_SLUG_ANNOTATION]?.toLocaleLowerCase('en-US') ?? null,
    createdAt: lineage?.createdAt ?? null,
  };
}
