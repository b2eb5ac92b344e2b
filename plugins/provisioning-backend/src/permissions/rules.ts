import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
  CreatePermissionRuleOptions,
} from '@backstage/plugin-permission-node';
import {
  DatabaseRequest,
  RESOURCE_TYPE_PROVISIONING_REQUEST,
} from '@paved/plugin-provisioning-common';

/** What a rule contributes to a list query: the owners whose requests may be seen. */
export type DatabaseRequestQuery = { owners: string[] };

export const provisioningRequestResourceRef = createPermissionResourceRef<
  DatabaseRequest,
  DatabaseRequestQuery
>().with({
  pluginId: 'provisioning',
  resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
});

type ClaimsParams = { claims: string[] };

const jsonSchema = {
  type: 'object',
  properties: {
    claims: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Entity refs of the user and their groups (ownershipEntityRefs)',
    },
  },
  required: ['claims'],
  additionalProperties: false,
};

/**
 * `{ claims: string[] }` as a Standard Schema with its JSON Schema, which the permission framework
 * uses to validate policy conditions and to describe the rule.
 */
const claimsSchema: NonNullable<
  CreatePermissionRuleOptions<
    typeof provisioningRequestResourceRef,
    ClaimsParams
  >['paramsSchema']
> = {
  '~standard': {
    version: 1,
    vendor: 'paved',
    validate(value: unknown) {
      const claims = (value as { claims?: unknown })?.claims;
      if (!Array.isArray(claims) || !claims.every(c => typeof c === 'string')) {
        return {
          issues: [
            {
              message: 'claims must be a list of entity refs',
              path: ['claims'],
            },
          ],
        };
      }
      return { value: { claims } };
    },
    jsonSchema: {
      input: () => jsonSchema,
      output: () => jsonSchema,
    },
  },
};

/** Matches requests whose owning group is among the claims, i.e. the user's teams. */
export const isRequestOwner = createPermissionRule({
  name: 'IS_REQUEST_OWNER',
  description:
    'Allow requests owned by one of the given entity refs (the user and their groups)',
  resourceRef: provisioningRequestResourceRef,
  paramsSchema: claimsSchema,
  apply: (request, { claims }) =>
    claims.map(c => c.toLocaleLowerCase('en-US')).includes(request.owner),
  toQuery: ({ claims }) => ({
    owners: claims.map(c => c.toLocaleLowerCase('en-US')),
  }),
});

export const provisioningRequestRules = { isRequestOwner };

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: provisioningRequestResourceRef,
  rules: provisioningRequestRules,
});

/** Condition factories for permission policies, e.g. `provisioningRequestConditions.isRequestOwner({ claims })`. */
export const provisioningRequestConditions = conditions;
/** Wraps conditions into a conditional decision for a provisioning-request permission. */
export const createProvisioningRequestConditionalDecision =
  createConditionalDecision;
