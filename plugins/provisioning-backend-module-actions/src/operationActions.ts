import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PluginActionCall } from '@paved/backend-platform';
import type { z as zod } from 'zod/v3';
import {
  DATABASE_OPERATION_STATUSES,
  DATABASE_OPERATION_TYPES,
  DATABASE_SIZES,
  type DatabaseOperation,
  requestPagePath,
} from '@paved/plugin-provisioning-common';
import { idempotencyHeaders, idempotencyKeyInput } from './idempotency';

/*
 * Day-2 operations an agent may ask for: resize, extend and snapshot. Each adds capacity, time
 * or a copy and takes nothing away. Restoring (it replaces the data) and rotating credentials
 * (the old login stops working after the grace period, and the reveal is a person's) are left
 * to people, like deleting and approving. Every call goes through provisioning's HTTP API as the
 * caller: the owner's permission, guardrails, approvals, audit trail and notifications apply.
 */
const AGENT_OPERATION_TYPES = ['resize', 'extend', 'snapshot'] as const;

const operationSummary = (z: typeof zod) =>
  z.object({
    id: z.string().describe('Operation id (UUID)'),
    requestId: z.string().describe('The database request it operates on'),
    type: z.enum(DATABASE_OPERATION_TYPES),
    status: z
      .enum(DATABASE_OPERATION_STATUSES)
      .describe('awaiting-approval waits for a platform-team member'),
    approvalRequired: z.boolean(),
    approvalReasons: z.array(z.string()).optional(),
    plannedChange: z
      .string()
      .optional()
      .describe('The diff a GitOps provider will commit (resize)'),
    result: z.record(z.unknown()).optional(),
    failureReason: z.string().optional(),
    requestedBy: z.string(),
    createdAt: z.string(),
    portalPath: z.string().describe('The request page in the portal'),
  });

function summarise(operation: DatabaseOperation) {
  return {
    id: operation.id,
    requestId: operation.requestId,
    type: operation.type,
    status: operation.status,
    approvalRequired: operation.approvalRequired,
    approvalReasons: operation.approvalReasons,
    plannedChange: operation.plannedChange,
    result: operation.result,
    failureReason: operation.failureReason,
    requestedBy: operation.requestedBy,
    createdAt: operation.createdAt,
    portalPath: requestPagePath(operation.requestId),
  };
}

export function registerOperationActions(
  actionsRegistry: ActionsRegistryService,
  callProvisioning: PluginActionCall,
): void {
  actionsRegistry.register({
    name: 'request-database-operation',
    title: 'Resize, extend or snapshot a database',
    description: `Asks for a day-2 operation on a ready database, as the calling user (an owner of the database or the platform team), exactly as the request page does: "resize" (size and/or storageGB; guardrails per environment, production waits for an approval), "extend" (hours more for an ephemeral database, up to its environment's maximum) or "snapshot" (label optional). The operation is tracked; follow it with list-database-operations. Restoring a snapshot and rotating credentials are not available to agents: a person does them in the portal or with the platform CLI.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          requestId: z.string().uuid().describe('Database request id'),
          type: z.enum(AGENT_OPERATION_TYPES),
          size: z
            .enum(DATABASE_SIZES)
            .optional()
            .describe('resize: the new size'),
          storageGB: z
            .number()
            .int()
            .positive()
            .optional()
            .describe('resize: the new storage in GB'),
          hours: z
            .number()
            .int()
            .positive()
            .optional()
            .describe('extend: hours from now'),
          label: z.string().max(100).optional().describe('snapshot: a label'),
          idempotencyKey: idempotencyKeyInput(z, 'operation'),
        }),
      output: z => z.object({ operation: operationSummary(z) }),
    },
    action: async ({ input, credentials }) => {
      const { requestId, idempotencyKey, ...body } = input;
      const { body: operation } = await callProvisioning<DatabaseOperation>(
        credentials,
        'request-database-operation',
        {
          path: `/requests/${encodeURIComponent(requestId)}/operations`,
          method: 'POST',
          // Provisioning refuses a field that does not belong to the type, naming it.
          body,
          headers: idempotencyHeaders(idempotencyKey),
        },
      );
      return { output: { operation: summarise(operation) } };
    },
  });

  actionsRegistry.register({
    name: 'list-database-operations',
    title: "List a database's operations",
    description:
      'Lists the operations on one database, newest first: resizes, extensions, snapshots, restores and credential rotations, with their state (never a secret).',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          requestId: z.string().uuid().describe('Database request id'),
        }),
      output: z => z.object({ operations: z.array(operationSummary(z)) }),
    },
    action: async ({ input, credentials }) => {
      const { body } = await callProvisioning<{ items: DatabaseOperation[] }>(
        credentials,
        'list-database-operations',
        {
          path: `/requests/${encodeURIComponent(input.requestId)}/operations`,
        },
      );
      return { output: { operations: body.items.map(summarise) } };
    },
  });
}
