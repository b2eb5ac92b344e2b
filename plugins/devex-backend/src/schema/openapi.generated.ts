// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  document,
  sharedComponents,
  sharedSchemas,
} from './generated/shared.generated';
import { eventsPaths, eventsSchemas } from './generated/events.generated';
import { doraPaths, doraSchemas } from './generated/dora.generated';
import {
  doraSeriesPaths,
  doraSeriesSchemas,
} from './generated/dora-series.generated';
import {
  deploymentsPaths,
  deploymentsSchemas,
} from './generated/deployments.generated';
import {
  incidentsPaths,
  incidentsSchemas,
} from './generated/incidents.generated';
import {
  devexMeasuresPaths,
  devexMeasuresSchemas,
} from './generated/devex-measures.generated';
import { changesPaths, changesSchemas } from './generated/changes.generated';
import { impactPaths, impactSchemas } from './generated/impact.generated';
import {
  onboardingPaths,
  onboardingSchemas,
} from './generated/onboarding.generated';
import { surveysPaths, surveysSchemas } from './generated/surveys.generated';
import {
  surveysSummaryPaths,
  surveysSummarySchemas,
} from './generated/surveys-summary.generated';
import { feedbackPaths, feedbackSchemas } from './generated/feedback.generated';
import {
  feedbackSummaryPaths,
  feedbackSummarySchemas,
} from './generated/feedback-summary.generated';
import {
  availabilityPaths,
  availabilitySchemas,
} from './generated/availability.generated';
import {
  provisioningWeeksPaths,
  provisioningWeeksSchemas,
} from './generated/provisioning-weeks.generated';
import {
  levelBandsPaths,
  levelBandsSchemas,
} from './generated/level-bands.generated';
import {
  webhooksGithubPaths,
  webhooksGithubSchemas,
} from './generated/webhooks-github.generated';

/** The plugin's OpenAPI spec, assembled from its parts (see ./generated). */
export const spec = {
  ...document,
  paths: {
    ...eventsPaths,
    ...doraPaths,
    ...doraSeriesPaths,
    ...deploymentsPaths,
    ...incidentsPaths,
    ...devexMeasuresPaths,
    ...changesPaths,
    ...impactPaths,
    ...onboardingPaths,
    ...surveysPaths,
    ...surveysSummaryPaths,
    ...feedbackPaths,
    ...feedbackSummaryPaths,
    ...availabilityPaths,
    ...provisioningWeeksPaths,
    ...levelBandsPaths,
    ...webhooksGithubPaths,
  },
  components: {
    ...sharedComponents,
    schemas: {
      ...sharedSchemas,
      ...eventsSchemas,
      ...doraSchemas,
      ...doraSeriesSchemas,
      ...deploymentsSchemas,
      ...incidentsSchemas,
      ...devexMeasuresSchemas,
      ...changesSchemas,
      ...impactSchemas,
      ...onboardingSchemas,
      ...surveysSchemas,
      ...surveysSummarySchemas,
      ...feedbackSchemas,
      ...feedbackSummarySchemas,
      ...availabilitySchemas,
      ...provisioningWeeksSchemas,
      ...levelBandsSchemas,
      ...webhooksGithubSchemas,
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
