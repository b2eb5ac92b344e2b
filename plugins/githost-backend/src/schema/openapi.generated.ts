// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/githost-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/githost-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  document,
  sharedComponents,
  sharedSchemas,
} from './generated/shared.generated';
import {
  repositoriesPaths,
  repositoriesSchemas,
} from './generated/repositories.generated';
import {
  repositoriesTreePaths,
  repositoriesTreeSchemas,
} from './generated/repositories-tree.generated';
import {
  repositoriesBlobPaths,
  repositoriesBlobSchemas,
} from './generated/repositories-blob.generated';
import {
  repositoriesMergeRequestsPaths,
  repositoriesMergeRequestsSchemas,
} from './generated/repositories-merge-requests.generated';

/** The plugin's OpenAPI spec, assembled from its parts (see ./generated). */
export const spec = {
  ...document,
  paths: {
    ...repositoriesPaths,
    ...repositoriesTreePaths,
    ...repositoriesBlobPaths,
    ...repositoriesMergeRequestsPaths,
  },
  components: {
    ...sharedComponents,
    schemas: {
      ...sharedSchemas,
      ...repositoriesSchemas,
      ...repositoriesTreeSchemas,
      ...repositoriesBlobSchemas,
      ...repositoriesMergeRequestsSchemas,
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
