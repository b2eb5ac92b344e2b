import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  QUOTA_COUNTED_STATUSES,
  TeamCost,
} from '@paved/plugin-provisioning-common';
import express from 'express';
import { RequestGuardrails } from '../policy/RequestGuardrails';
import { assertGroupRefs } from './queryParameters';
import type { RequestAccess } from './requestAccess';

/** `GET /prices` (the price table the form estimates with) and `GET /costs` (teams' monthly totals). */
export function addCostRoutes(
  router: express.Router,
  options: {
    guardrails: RequestGuardrails;
    httpAuth: HttpAuthService;
    access: RequestAccess;
  },
) {
  const { guardrails, httpAuth, access } = options;

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
    assertGroupRefs(owners ?? []);
    // A team's total is the sum over the live requests the caller may read.
    const live = await access.listReadable(credentials, {
      owners,
      statuses: [...QUOTA_COUNTED_STATUSES],
    });
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
