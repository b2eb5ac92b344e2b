import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  RELATION_OWNED_BY,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { formatViolation } from '@paved/backend-platform';
import {
  GIT_HOST_PATH_PREFIX,
  isGitHostUrl,
  parseGitHostUrl,
} from '@paved/plugin-githost-node';
import { TeamMembership } from '@paved/plugin-golden-paths-node';

/** May the principal write (push, merge) to a repository, and if not, why. */
export type WriteAccess =
  | { allowed: true }
  | { allowed: false; reason: string };

/** The local git host repository an entity was read from, if any. */
export function repositoryOfEntity(
  entity: Entity,
  backendBaseUrl: string,
): string | undefined {
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!location) return undefined;
  try {
    const { type, target } = parseLocationRef(location);
    if (type !== 'url' || !isGitHostUrl(new URL(target), backendBaseUrl)) {
      return undefined;
    }
    return parseGitHostUrl(target).repository;
  } catch {
    return undefined;
  }
}

/**
 * Who owns a repository of the local git host: the owners of the catalog entities defined in it.
 * "Defined in it" means the entity's `backstage.io/managed-by-location` points into the
 * repository. The catalog itself sets that annotation from where it read the entity, so unlike
 * `backstage.io/source-location` (written by whoever wrote the file) nobody can claim another
 * team's repository by registering an entity somewhere else.
 */
export class RepositoryOwners {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      membership: TeamMembership;
      backendBaseUrl: string;
    },
  ) {}

  /** The catalog entities defined in the repository, as the credentials may see them. */
  async entitiesOf(
    repository: string,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    // The catalog's search index narrows by substring; the exact test is done here.
    const { items } = await this.options.catalog.queryEntities(
      {
        fullTextFilter: {
          term: `${GIT_HOST_PATH_PREFIX}${repository}/`,
          fields: [`metadata.annotations.${ANNOTATION_LOCATION}`],
        },
        fields: ['kind', 'metadata', 'relations'],
        limit: 500,
      },
      { credentials },
    );
    return items.filter(
      entity =>
        repositoryOfEntity(entity, this.options.backendBaseUrl) === repository,
    );
  }

  /** Full, lower-case refs of the entities defined in the repository. */
  async entityRefsOf(
    repository: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    return (await this.entitiesOf(repository, credentials))
      .map(entity => stringifyEntityRef(entity).toLocaleLowerCase('en-US'))
      .sort();
  }

  /** Owners (`ownedBy` targets) of the entities defined in the repository, lower-case, sorted. */
  async ownerRefsOf(
    repository: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    return [
      ...new Set(
        (await this.entitiesOf(repository, credentials)).flatMap(entity =>
          (entity.relations ?? [])
            .filter(relation => relation.type === RELATION_OWNED_BY)
            .map(relation => relation.targetRef.toLocaleLowerCase('en-US')),
        ),
      ),
    ].sort();
  }

  /**
   * Users who may push to and merge into a repository: owners of its entities, members of the
   * owning groups, the platform team. Service principals may not (a plugin proposes changes
   * through merge requests; people decide). A repository no entity is defined in belongs to the
   * platform team alone.
   */
  async writeAccess(
    repository: string,
    credentials: BackstageCredentials,
    what: string,
  ): Promise<WriteAccess> {
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
      subject?: string;
    };
    if (principal.type !== 'user' || !principal.userEntityRef) {
      return {
        allowed: false,
        reason: formatViolation({
          field: 'repository',
          problem: `${
            principal.subject ?? 'this caller'
          } may not ${what}: only users may, owners of its components and the platform team`,
          rule: 'owner-membership',
        }),
      };
    }
    const ownerRefs = await this.ownerRefsOf(repository, credentials);
    try {
      await this.options.membership.assertMayActFor({
        userRef: principal.userEntityRef,
        ownerRefs,
        credentials,
        field: 'repository',
        what,
      });
      return { allowed: true };
    } catch (error) {
      if (error instanceof NotAllowedError) {
        return { allowed: false, reason: error.message };
      }
      throw error;
    }
  }

  /** Throws a NotAllowedError naming the rule unless {@link RepositoryOwners.writeAccess} allows. */
  async assertMayWrite(
    repository: string,
    credentials: BackstageCredentials,
    what: string,
  ): Promise<void> {
    const access = await this.writeAccess(repository, credentials, what);
    if (!access.allowed) {
      throw new NotAllowedError(access.reason);
    }
  }
}
