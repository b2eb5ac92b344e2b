import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TeamMembership } from './TeamMembership';

const user = (name: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { memberOf: groups },
  relations: groups.map(group => ({
    type: 'memberOf',
    targetRef: `group:default/${group}`,
  })),
});

describe('TeamMembership', () => {
  const credentials = mockCredentials.user('user:default/sam.rivera');
  const membership = new TeamMembership({
    catalog: catalogServiceMock({
      entities: [
        user('sam.rivera', ['payments']),
        user('priya.natarajan', ['platform']),
        // Claims a membership the catalog never derived (no relation): not a member.
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'mallory' },
          spec: { memberOf: ['ledger'] },
        },
      ],
    }),
    platformTeam: 'platform',
  });

  it('lets members and the platform team act for a team', async () => {
    for (const userRef of [
      'user:default/sam.rivera',
      'sam.rivera',
      'user:default/priya.natarajan',
    ]) {
      await expect(
        membership.assertMayActFor({
          userRef,
          ownerRefs: ['group:default/payments'],
          credentials,
          field: 'owner',
          what: 'create a component owned by it',
        }),
      ).resolves.toBeUndefined();
    }
  });

  it('refuses others with a message naming the field, the user, the teams and the rule', async () => {
    await expect(
      membership.assertMayActFor({
        userRef: 'user:default/sam.rivera',
        ownerRefs: ['ledger'],
        credentials,
        field: 'owner',
        what: 'create a component owned by it',
      }),
    ).rejects.toThrow(
      'owner: user:default/sam.rivera may not create a component owned by it: only group:default/ledger, their members and members of the platform team (group:default/platform) may (rule: owner-membership)',
    );
    await expect(
      membership.mayActFor({
        userRef: 'mallory',
        ownerRefs: ['user:default/mallory'],
        credentials,
      }),
    ).resolves.toBe(true);
    for (const userRef of [
      'user:default/mallory',
      'user:default/nobody',
      undefined,
    ]) {
      await expect(
        membership.mayActFor({ userRef, ownerRefs: ['ledger'], credentials }),
      ).resolves.toBe(false);
    }
  });
});
