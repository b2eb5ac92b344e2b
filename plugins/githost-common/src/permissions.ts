import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of a repository of the local git host; its resource ref is the repository name. */
export const RESOURCE_TYPE_GITHOST_REPOSITORY = 'githost-repository';

/**
 * Push to a repository of the local git host (`git push` over HTTP). Paved's policy allows the
 * platform team, and otherwise owners of the catalog components defined in the repository
 * (condition `IS_REPOSITORY_OWNER` with the user's ownership claims). Reading needs no permission
 * beyond being signed in.
 */
export const githostRepositoryPushPermission = createPermission({
  name: 'githost.repository.push',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_GITHOST_REPOSITORY,
});

/** Every permission of the git host, as it registers them. */
export const githostPermissions = [githostRepositoryPushPermission];
