import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PermissionCondition,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
import { unprocessedEntitiesDeletePermission } from '@backstage/plugin-catalog-unprocessed-entities-common';
import {
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  taskCancelPermission,
  taskReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  provisioningRequestApprovePermission,
  provisioningRequestDeletePermission,
  provisioningRequestReadSecretPermission,
  RESOURCE_TYPE_PROVISIONING_REQUEST,
} from '@paved/plugin-provisioning-common';
import {
  githostRepositoryPushPermission,
  RESOURCE_TYPE_GITHOST_REPOSITORY,
} from '@paved/plugin-githost-common';
import {
  scorecardsCampaignManagePermission,
  scorecardsExemptionReviewPermission,
} from '@paved/plugin-scorecards-common';

export interface PavedPolicyOptions {
  /** Entity refs (groups or users) whose members may approve infrastructure and administer the catalog. */
  approvers: string[];
}

/**
 * Paved's permission policy. Everyone may read and create; destructive or privileged actions are
 * restricted:
 * - unregistering a catalog entity: its owners and the platform team;
 * - deleting a catalog location, or an entity that failed processing: the platform team;
 * - approving or rejecting infrastructure requests: the platform team (approvers);
 * - reviewing scorecard exemptions and managing scorecard campaigns: the platform team (the
 *   scorecards backend also refuses a review by the exemption's own requester);
 * - deprovisioning a database or reading its credentials: the owning team and the platform team;
 * - reading (logs, output, event stream) or cancelling a scaffolder task: the person who started
 *   it and the platform team (the task's parameters and logs can hold another team's details);
 * - pushing to a repository of the local git host: owners of the components defined in it and
 *   the platform team (cloning needs only a sign-in).
 */
export class PavedPermissionPolicy implements PermissionPolicy {
  private readonly approvers: Set<string>;

  constructor(options: PavedPolicyOptions) {
    this.approvers = new Set(options.approvers.map(ref => ref.toLowerCase()));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    const isApprover = claims.some(ref =>
      this.approvers.has(ref.toLowerCase()),
    );
    const { permission } = request;

    if (isPermission(permission, provisioningRequestApprovePermission)) {
      return decide(isApprover);
    }
    if (
      isPermission(permission, catalogLocationDeletePermission) ||
      isPermission(permission, unprocessedEntitiesDeletePermission) ||
      isPermission(permission, scorecardsExemptionReviewPermission) ||
      isPermission(permission, scorecardsCampaignManagePermission)
    ) {
      return decide(isApprover);
    }
    if (
      isPermission(permission, catalogEntityDeletePermission) &&
      isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)
    ) {
      if (isApprover) return decide(true);
      return conditional('catalog', RESOURCE_TYPE_CATALOG_ENTITY, {
        rule: 'IS_ENTITY_OWNER',
        resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
        params: { claims },
      });
    }
    if (
      isPermission(permission, taskReadPermission) ||
      isPermission(permission, taskCancelPermission)
    ) {
      if (isApprover) return decide(true);
      const userEntityRef = user?.info.userEntityRef;
      if (!userEntityRef) return decide(false);
      return conditional('scaffolder', RESOURCE_TYPE_SCAFFOLDER_TASK, {
        rule: 'IS_TASK_OWNER',
        resourceType: RESOURCE_TYPE_SCAFFOLDER_TASK,
        params: { createdBy: [userEntityRef] },
      });
    }
    if (
      isPermission(permission, provisioningRequestDeletePermission) ||
      isPermission(permission, provisioningRequestReadSecretPermission)
    ) {
      if (isApprover) return decide(true);
      return conditional('provisioning', RESOURCE_TYPE_PROVISIONING_REQUEST, {
        rule: 'IS_REQUEST_OWNER',
        resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
        params: { claims },
      });
    }
    if (isPermission(permission, githostRepositoryPushPermission)) {
      if (isApprover) return decide(true);
      if (!user?.info.userEntityRef) return decide(false);
      return conditional('githost', RESOURCE_TYPE_GITHOST_REPOSITORY, {
        rule: 'IS_REPOSITORY_OWNER',
        resourceType: RESOURCE_TYPE_GITHOST_REPOSITORY,
        params: { claims },
      });
    }
    return decide(true);
  }
}

function decide(allowed: boolean): PolicyDecision {
  return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
}

function conditional(
  pluginId: string,
  resourceType: string,
  condition: PermissionCondition,
): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId,
    resourceType,
    conditions: condition,
  };
}

/** Normalises a configured approver (`platform` → `group:default/platform`). */
export function normaliseApproverRef(ref: string): string {
  if (ref.includes(':')) return ref.toLowerCase();
  return stringifyEntityRef({ kind: 'group', namespace: 'default', name: ref });
}
