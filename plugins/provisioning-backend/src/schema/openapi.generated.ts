// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/provisioning-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/provisioning-backend
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  document,
  sharedComponents,
  sharedSchemas,
} from './generated/shared.generated';
import { requestsPaths, requestsSchemas } from './generated/requests.generated';
import {
  requestsApprovePaths,
  requestsApproveSchemas,
} from './generated/requests-approve.generated';
import {
  requestsRejectPaths,
  requestsRejectSchemas,
} from './generated/requests-reject.generated';
import {
  requestsExtendPaths,
  requestsExtendSchemas,
} from './generated/requests-extend.generated';
import {
  requestsCredentialsPaths,
  requestsCredentialsSchemas,
} from './generated/requests-credentials.generated';
import {
  requestsDriftPaths,
  requestsDriftSchemas,
} from './generated/requests-drift.generated';
import {
  requestsOperationsPaths,
  requestsOperationsSchemas,
} from './generated/requests-operations.generated';
import {
  requestsSnapshotsPaths,
  requestsSnapshotsSchemas,
} from './generated/requests-snapshots.generated';
import {
  approvalsPaths,
  approvalsSchemas,
} from './generated/approvals.generated';
import { pricesPaths, pricesSchemas } from './generated/prices.generated';
import { costsPaths, costsSchemas } from './generated/costs.generated';
import { policyPaths, policySchemas } from './generated/policy.generated';

/** The plugin's OpenAPI spec, assembled from its parts (see ./generated). */
export const spec = {
  ...document,
  paths: {
    ...requestsPaths,
    ...requestsApprovePaths,
    ...requestsRejectPaths,
    ...requestsExtendPaths,
    ...requestsCredentialsPaths,
    ...requestsDriftPaths,
    ...requestsOperationsPaths,
    ...requestsSnapshotsPaths,
    ...approvalsPaths,
    ...pricesPaths,
    ...costsPaths,
    ...policyPaths,
  },
  components: {
    ...sharedComponents,
    schemas: {
      ...sharedSchemas,
      ...requestsSchemas,
      ...requestsApproveSchemas,
      ...requestsRejectSchemas,
      ...requestsExtendSchemas,
      ...requestsCredentialsSchemas,
      ...requestsDriftSchemas,
      ...requestsOperationsSchemas,
      ...requestsSnapshotsSchemas,
      ...approvalsSchemas,
      ...pricesSchemas,
      ...costsSchemas,
      ...policySchemas,
    },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
