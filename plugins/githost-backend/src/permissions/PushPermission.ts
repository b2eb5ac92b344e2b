import {
  AuthService,
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { formatViolation } from '@paved/backend-platform';
import {
  REPOSITORY_NAME_PATTERN,
  githostPermissions,
  githostRepositoryPushPermission,
} from '@paved/plugin-githost-common';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { RepositoryOwners } from '../repositories/RepositoryOwners';
import { repositoryResourceRef, repositoryRules } from './repositoryRules';

/**
 * Who may push to a repository: decided by the permission policy on
 * `githost.repository.push` (Paved's: the platform team, and the owners of the repository's
 * components through `IS_REPOSITORY_OWNER`). Only people push; a plugin proposes changes through
 * merge requests.
 */
export class PushPermission {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      permissionsRegistry: PermissionsRegistryService;
      auth: AuthService;
      owners: RepositoryOwners;
      gitHost: LocalGitHost;
    },
  ) {
    const { owners, gitHost, auth } = deps;
    deps.permissionsRegistry.addResourceType({
      resourceRef: repositoryResourceRef,
      permissions: githostPermissions,
      rules: Object.values(repositoryRules),
      getResources: async names => {
        const credentials = await auth.getOwnServiceCredentials();
        return Promise.all(
          names.map(async name =>
            REPOSITORY_NAME_PATTERN.test(name) && (await gitHost.exists(name))
              ? { name, ownerRefs: await owners.ownerRefsOf(name, credentials) }
              : undefined,
          ),
        );
      },
    });
  }

  /** Allowed, or the reason git shows the person (`<field>: <problem> (rule: <rule>)`). */
  async check(
    repository: string,
    credentials: BackstageCredentials,
  ): Promise<{ allowed: true } | { allowed: false; reason: string }> {
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
      subject?: string;
    };
    const who =
      principal.type === 'user'
        ? principal.userEntityRef
        : principal.subject ?? 'this caller';
    const refusal = (problem: string) => ({
      allowed: false as const,
      reason: formatViolation({
        field: 'repository',
        problem: `${who} may not push to repository '${repository}': ${problem}`,
        rule: 'owner-membership',
      }),
    });
    if (principal.type !== 'user') {
      return refusal(
        'only people may push; plugins propose changes through merge requests',
      );
    }
    const [decision] = await this.deps.permissions.authorize(
      [
        {
          permission: githostRepositoryPushPermission,
          resourceRef: repository,
        },
      ],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { allowed: true };
    }
    return refusal(
      `only owners of its components and the platform team may (permission ${githostRepositoryPushPermission.name})`,
    );
  }
}
