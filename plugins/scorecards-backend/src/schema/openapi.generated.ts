// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/scorecards-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/scorecards-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  document,
  sharedComponents,
  sharedSchemas,
} from './generated/shared.generated';
import { checksPaths, checksSchemas } from './generated/checks.generated';
import { policiesPaths, policiesSchemas } from './generated/policies.generated';
import { entitiesPaths, entitiesSchemas } from './generated/entities.generated';
import {
  entitiesRefreshPaths,
  entitiesRefreshSchemas,
} from './generated/entities-refresh.generated';
import {
  entitiesChecksPaths,
  entitiesChecksSchemas,
} from './generated/entities-checks.generated';
import { teamsPaths, teamsSchemas } from './generated/teams.generated';
import {
  organizationPaths,
  organizationSchemas,
} from './generated/organization.generated';
import { factsPaths, factsSchemas } from './generated/facts.generated';
import {
  exemptionsPaths,
  exemptionsSchemas,
} from './generated/exemptions.generated';
import {
  exemptionsReviewPaths,
  exemptionsReviewSchemas,
} from './generated/exemptions-review.generated';
import {
  campaignsPaths,
  campaignsSchemas,
} from './generated/campaigns.generated';

/** The plugin's OpenAPI spec, assembled from its parts (see ./generated). */
export const spec = {
  ...document,
  paths: {
    ...checksPaths,
    ...policiesPaths,
    ...entitiesPaths,
    ...entitiesRefreshPaths,
    ...entitiesChecksPaths,
    ...teamsPaths,
    ...organizationPaths,
    ...factsPaths,
    ...exemptionsPaths,
    ...exemptionsReviewPaths,
    ...campaignsPaths,
  },
  components: {
    ...sharedComponents,
    schemas: {
      ...sharedSchemas,
      ...checksSchemas,
      ...policiesSchemas,
      ...entitiesSchemas,
      ...entitiesRefreshSchemas,
      ...entitiesChecksSchemas,
      ...teamsSchemas,
      ...organizationSchemas,
      ...factsSchemas,
      ...exemptionsSchemas,
      ...exemptionsReviewSchemas,
      ...campaignsSchemas,
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
