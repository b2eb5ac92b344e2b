import { createRouteRef } from '@backstage/frontend-plugin-api';

/** Scorecards at `/scorecards`: overview, teams' heat maps, campaigns, checks, exemptions. */
export const rootRouteRef = createRouteRef();
