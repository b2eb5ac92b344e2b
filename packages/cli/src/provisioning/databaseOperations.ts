import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  CreateDatabaseOperation,
  DatabaseOperation,
  DatabaseSnapshot,
} from '@paved/plugin-provisioning-common';
import { PortalClient } from '../portal/PortalClient';
import { Terminal } from '../output/Terminal';

function operationsPath(requestId: string): string {
  return `/requests/${encodeURIComponent(requestId)}/operations`;
}

/**
 * Asks for an operation on a ready database. The Idempotency-Key makes a retry of the same
 * command (a dropped connection) return the operation asked for the first time.
 */
export async function startDatabaseOperation(
  portal: PortalClient,
  requestId: string,
  body: CreateDatabaseOperation,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<DatabaseOperation> {
  const { body: operation } = await portal.request<DatabaseOperation>(
    'provisioning',
    operationsPath(requestId),
    {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    },
  );
  return operation;
}

export async function listDatabaseOperations(
  portal: PortalClient,
  requestId: string,
): Promise<DatabaseOperation[]> {
  const { items } = await portal.get<{ items: DatabaseOperation[] }>(
    'provisioning',
    operationsPath(requestId),
  );
  return items;
}

export async function listDatabaseSnapshots(
  portal: PortalClient,
  requestId: string,
): Promise<DatabaseSnapshot[]> {
  const { items } = await portal.get<{ items: DatabaseSnapshot[] }>(
    'provisioning',
    `/requests/${encodeURIComponent(requestId)}/snapshots`,
  );
  return items;
}

/**
 * Follows an operation while the portal applies it; returns it once it needs no more waiting
 * (done, failed, rejected, awaiting approval, or in its credentials grace period: the new login
 * works from then on) or when `timeoutMs` has passed.
 */
export async function followDatabaseOperation(options: {
  portal: PortalClient;
  operation: DatabaseOperation;
  terminal: Terminal;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<DatabaseOperation> {
  const { portal, terminal } = options;
  let operation = options.operation;
  const working = (op: DatabaseOperation) =>
    op.status === 'in-progress' && op.phase !== 'grace';
  if (!working(operation)) return operation;
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const progress = terminal.progress(
    `Operation ${operation.type}: ${operation.status}`,
  );
  try {
    while (working(operation) && Date.now() < deadline) {
      await sleep(options.pollMs ?? 1000);
      operation = await portal.get<DatabaseOperation>(
        'provisioning',
        `${operationsPath(operation.requestId)}/${encodeURIComponent(
          operation.id,
        )}`,
      );
      progress.update(`Operation ${operation.type}: ${operation.status}`);
    }
  } finally {
    progress.stop();
  }
  return operation;
}

/** One line about where an operation stands. */
export function operationStateLine(operation: DatabaseOperation): string {
  const what = `${operation.type} (operation ${operation.id})`;
  switch (operation.status) {
    case 'done':
      return `Done: ${what}`;
    case 'awaiting-approval':
      return `${what} awaits an approval (${
        operation.approvalReasons?.join(', ') || 'policy'
      }); it runs once approved`;
    case 'in-progress':
      return operation.phase === 'grace'
        ? `${what}: new credentials are in use; the old ones keep working until ${
            (operation.result?.graceEndsAt as string | undefined) ??
            'the grace period ends'
          }`
        : `${what} is still in progress; follow it with platform db operations ${operation.requestId}`;
    case 'failed':
      return `${what} failed: ${operation.failureReason ?? 'no reason given'}`;
    default:
      return `${what} was ${operation.status}`;
  }
}

/** Whether an operation's state is a failure the command's exit code should report. */
export function isOperationFailure(operation: DatabaseOperation): boolean {
  return operation.status === 'failed' || operation.status === 'rejected';
}
