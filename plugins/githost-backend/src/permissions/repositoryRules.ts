import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_GITHOST_REPOSITORY } from '@paved/plugin-githost-common';
import { z } from 'zod/v4';

/** What a permission decision about a repository looks at: its name and its owners. */
export type RepositoryResource = {
  name: string;
  /** Owners (`ownedBy` targets) of the catalog entities defined in the repository, lower-case. */
  ownerRefs: string[];
};

export const repositoryResourceRef = createPermissionResourceRef<
  RepositoryResource,
  never
>().with({
  pluginId: 'githost',
  resourceType: RESOURCE_TYPE_GITHOST_REPOSITORY,
});

/**
 * Matches repositories owned by one of the claims (the user and their groups): a claim is the
 * owner of a component defined in the repository. A repository no entity is defined in matches
 * nobody, so only a policy's outright allow (the platform team) reaches it.
 */
export const isRepositoryOwner = createPermissionRule({
  name: 'IS_REPOSITORY_OWNER',
  description:
    'Allow repositories whose components are owned by one of the given entity refs (the user and their groups)',
  resourceRef: repositoryResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs of the user and their groups (ownershipEntityRefs)',
      ),
  }),
  apply: (repository, { claims }) => {
    const owners = new Set(repository.ownerRefs);
    return claims.some(claim => owners.has(claim.toLocaleLowerCase('en-US')));
  },
  // Repositories are never listed through the permission framework.
  toQuery: () => {
    throw new Error('IS_REPOSITORY_OWNER does not filter lists');
  },
});

export const repositoryRules = { isRepositoryOwner };
