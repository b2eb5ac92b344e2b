import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { DatabaseRequest } from '@paved/plugin-provisioning-common';
import {
  createProvisioningRequestConditionalDecision,
  isRequestOwner,
  provisioningRequestConditions,
} from './rules';

const request = { owner: 'group:default/payments' } as DatabaseRequest;

describe('IS_REQUEST_OWNER', () => {
  it('matches requests owned by one of the claims, case-insensitively', () => {
    expect(
      isRequestOwner.apply(request, { claims: ['Group:default/Payments'] }),
    ).toBe(true);
    expect(
      isRequestOwner.apply(request, { claims: ['group:default/data'] }),
    ).toBe(false);
    expect(isRequestOwner.toQuery({ claims: ['group:default/Data'] })).toEqual({
      owners: ['group:default/data'],
    });
  });

  it('drives conditional decisions from a policy', () => {
    const decision = createProvisioningRequestConditionalDecision(
      {
        name: 'provisioning.request.delete',
        type: 'resource',
        resourceType: 'provisioning-request',
        attributes: { action: 'delete' },
      },
      provisioningRequestConditions.isRequestOwner({
        claims: ['group:default/payments'],
      }),
    );
    expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
    const authorize = createConditionAuthorizer([isRequestOwner]);
    expect(authorize(decision, request)).toBe(true);
    expect(
      authorize(decision, { owner: 'group:default/data' } as DatabaseRequest),
    ).toBe(false);
  });
});
