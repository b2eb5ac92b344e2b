import {
  ApprovalDiffLine,
  CostChange,
  costChange,
  DatabaseOperation,
  DatabaseRequest,
  estimateCost,
  PriceTable,
} from '@paved/plugin-provisioning-common';
import type { PendingChange } from '../policy/ApprovalPolicy';

/** An operation as a change to approve, under the rules of its database's environment. */
export function pendingOperation(
  request: DatabaseRequest,
  operation: DatabaseOperation,
): PendingChange {
  return {
    subject: { type: 'operation', id: operation.id },
    label: `operation ${operation.id}`,
    environment: request.environment,
    requestedBy: operation.requestedBy,
  };
}

/**
 * The monthly cost after an operation and what it changes: a resize is priced at its new size
 * and storage; every other operation leaves the cost as it is.
 */
export function operationCost(
  prices: PriceTable,
  request: DatabaseRequest,
  operation: DatabaseOperation,
): CostChange {
  const before =
    request.cost ??
    estimateCost(prices, request.provider, request.size, request.storageGB);
  const params = operation.parameters;
  if (params.type !== 'resize') return costChange(before, before);
  return costChange(
    before,
    estimateCost(
      prices,
      request.provider,
      params.size ?? request.size,
      params.storageGB ?? request.storageGB,
    ),
  );
}

/** What approving an operation would change, field by field. */
export function operationDiff(
  request: DatabaseRequest,
  operation: DatabaseOperation,
): ApprovalDiffLine[] {
  const params = operation.parameters;
  switch (params.type) {
    case 'resize':
      return [
        ...(params.size !== undefined
          ? [{ field: 'size', before: request.size, after: params.size }]
          : []),
        ...(params.storageGB !== undefined
          ? [
              {
                field: 'storageGB',
                before: String(request.storageGB),
                after: String(params.storageGB),
              },
            ]
          : []),
      ];
    case 'extend':
      return [
        {
          field: 'expiresAt',
          before: request.expiresAt,
          after: params.hours ? `+${params.hours} h` : 'its time to live again',
        },
      ];
    case 'restore':
      return [
        { field: 'data', after: `restored from snapshot ${params.snapshotId}` },
      ];
    case 'rotate-credentials':
      return [
        {
          field: 'credentials',
          after: 'new password, old one revoked after the grace period',
        },
      ];
    case 'snapshot':
      return [{ field: 'snapshot', after: params.label ?? 'new snapshot' }];
    default:
      return [];
  }
}
