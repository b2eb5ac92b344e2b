// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/golden-paths-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/golden-paths-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  document,
  sharedComponents,
  sharedSchemas,
} from './generated/shared.generated';
import {
  serviceNamesPaths,
  serviceNamesSchemas,
} from './generated/service-names.generated';
import { driftPaths, driftSchemas } from './generated/drift.generated';
import { upgradesPaths, upgradesSchemas } from './generated/upgrades.generated';
import {
  upgradesRunsPaths,
  upgradesRunsSchemas,
} from './generated/upgrades-runs.generated';

/** The plugin's OpenAPI spec, assembled from its parts (see ./generated). */
export const spec = {
  ...document,
  paths: {
    ...serviceNamesPaths,
    ...driftPaths,
    ...upgradesPaths,
    ...upgradesRunsPaths,
  },
  components: {
    ...sharedComponents,
    schemas: {
      ...sharedSchemas,
      ...serviceNamesSchemas,
      ...driftSchemas,
      ...upgradesSchemas,
      ...upgradesRunsSchemas,
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
