import {
  unprocessedEntitiesDeletePermission,
  unprocessedEntitiesReadPermission,
} from '@backstage/plugin-catalog-unprocessed-entities-common';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  provisioningRequestApprovePermission,
  provisioningRequestDeletePermission,
  provisioningRequestReadSecretPermission,
} from '@paved/plugin-provisioning-common';
import { githostRepositoryPushPermission } from '@paved/plugin-githost-common';
import {
  scorecardsCampaignManagePermission,
  scorecardsExemptionCreatePermission,
  scorecardsExemptionReviewPermission,
} from '@paved/plugin-scorecards-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  taskCancelPermission,
  taskReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  normaliseApproverRef,
  PavedPermissionPolicy,
} from './PavedPermissionPolicy';

function userWith(...ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as unknown as PolicyQueryUser;
}

const policy = new PavedPermissionPolicy({
  approvers: ['group:default/platform'],
});
const developer = userWith('user:default/sam.rivera', 'group:default/payments');
const platformEngineer = userWith(
  'user:default/priya.natarajan',
  'group:default/platform',
);

describe('PavedPermissionPolicy', () => {
  it('lets only the platform team review scorecard exemptions and manage campaigns', async () => {
    for (const permission of [
      scorecardsExemptionReviewPermission,
      scorecardsCampaignManagePermission,
    ]) {
      await expect(policy.handle({ permission }, developer)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
      await expect(
        policy.handle({ permission }, platformEngineer),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
    // Asking for an exemption stays open to everyone (the backend checks ownership).
    await expect(
      policy.handle(
        { permission: scorecardsExemptionCreatePermission },
        developer,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets everyone read the catalog', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, developer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets only the platform team approve infrastructure', async () => {
    const query = { permission: provisioningRequestApprovePermission };
    await expect(policy.handle(query, developer)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(policy.handle(query, platformEngineer)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(policy.handle(query, undefined)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets owners unregister their own entities, and the platform team any', async () => {
    const query = { permission: catalogEntityDeletePermission };
    await expect(policy.handle(query, developer)).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/sam.rivera', 'group:default/payments'],
        },
      },
    });
    await expect(policy.handle(query, platformEngineer)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it.each([
    catalogLocationDeletePermission,
    unprocessedEntitiesDeletePermission,
  ])('keeps $name to the platform team', async permission => {
    await expect(policy.handle({ permission }, developer)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(
      policy.handle({ permission }, platformEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets everyone see which entities failed processing', async () => {
    await expect(
      policy.handle(
        { permission: unprocessedEntitiesReadPermission },
        developer,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([
    provisioningRequestDeletePermission,
    provisioningRequestReadSecretPermission,
  ])('limits $name to the owning team', async permission => {
    await expect(policy.handle({ permission }, developer)).resolves.toEqual(
      expect.objectContaining({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'provisioning',
        conditions: expect.objectContaining({ rule: 'IS_REQUEST_OWNER' }),
      }),
    );
    await expect(
      policy.handle({ permission }, platformEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([taskReadPermission, taskCancelPermission])(
    'limits $name to the task’s creator and the platform team',
    async permission => {
      await expect(policy.handle({ permission }, developer)).resolves.toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          resourceType: 'scaffolder-task',
          params: { createdBy: ['user:default/sam.rivera'] },
        },
      });
      await expect(
        policy.handle({ permission }, platformEngineer),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    },
  );

  it('lets owners of a repository’s components and the platform team push to it', async () => {
    const query = { permission: githostRepositoryPushPermission };
    await expect(policy.handle(query, developer)).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'githost',
      resourceType: 'githost-repository',
      conditions: {
        rule: 'IS_REPOSITORY_OWNER',
        resourceType: 'githost-repository',
        params: {
          claims: ['user:default/sam.rivera', 'group:default/payments'],
        },
      },
    });
    await expect(policy.handle(query, platformEngineer)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(policy.handle(query, undefined)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('allows what it does not restrict', async () => {
    const permission = createPermission({
      name: 'scaffolder.task.create',
      attributes: {},
    });
    await expect(policy.handle({ permission }, developer)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('normalises short approver names to group refs', () => {
    expect(normaliseApproverRef('platform')).toBe('group:default/platform');
    expect(normaliseApproverRef('User:default/Sam')).toBe('user:default/sam');
  });
});
