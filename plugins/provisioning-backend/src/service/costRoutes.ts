import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  DatabaseRequest,
  provisioningRequestReadPermission,
  QUOTA_COUNTED_STATUSES,
  TeamCost,
} from '@paved/plugin-provisioning-common';
import express from 'express';
import type { DatabaseRequestStore } from '../database';
import type { DatabaseRequestQuery } from '../permissions';
import { RequestGuardrails } from '../policy/RequestGuardrails';

const GROUP_REF = /^group:[a-z0-9][-a-z0-9_.]*\/[a-z0-9][-a-z0-9_.]*$/;

/** `GET /prices` (the price table the form estimates with) and `GET /costs` (teams' monthly totals). */
export function addCostRoutes(
  router: express.Router,
  options: {
    store: DatabaseRequestStore;
    guardrails: RequestGuardrails;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    ruleset: PermissionRuleset<DatabaseRequest, DatabaseRequestQuery>;
  },
) {
  const { store, guardrails, httpAuth, permissions } = options;
  const authorizeConditions = createConditionAuthorizer(options.ruleset);

  router.get('/prices', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(guardrails.prices);
  });

  router.get('/costs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const owners =
      typeof req.query.owner === 'string'
        ? req.query.owner
            .split(',')
            .map(o => o.trim().toLocaleLowerCase('en-US'))
            .filter(Boolean)
        : undefined;
    const invalid = (owners ?? []).filter(o => !GROUP_REF.test(o));
    if (invalid.length) {
      throw new InputError(
        `owner: "${invalid[0].slice(
          0,
          64,
        )}" is not a group entity ref (rule: entity ref)`,
      );
    }
    // A team's total is the sum over the live requests the caller may read.
    const [decision] = await permissions.authorizeConditional(
      [{ permission: provisioningRequestReadPermission }],
      { credentials },
    );
    let live =
      decision.result === AuthorizeResult.DENY
        ? []
        : await store.listRequests({
            owners,
            statuses: [...QUOTA_COUNTED_STATUSES],
          });
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      live = live.filter(item => authorizeConditions(decision, item));
    }
    const { currency } = guardrails.prices;
    const totals = new Map<string, TeamCost>();
    for (const owner of owners ?? []) {
      totals.set(owner, { owner, monthly: 0, currency, requests: 0 });
    }
    for (const request of live) {
      const total = totals.get(request.owner) ?? {
        owner: request.owner,
        monthly: 0,
        currency,
        requests: 0,
      };
      total.monthly += request.cost?.monthly ?? 0;
      total.requests += 1;
      totals.set(request.owner, total);
    }
    const items = [...totals.values()]
      .map(total => {
        const budget = guardrails.quotaFor(total.owner).monthlyBudget;
        return {
          ...total,
          monthly: Math.round(total.monthly * 100) / 100,
          ...(budget !== undefined ? { budget } : {}),
        };
      })
      .sort((a, b) => a.owner.localeCompare(b.owner));
    res.json({ currency, items });
  });
}
