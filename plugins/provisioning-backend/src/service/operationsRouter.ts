import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DatabaseOperation,
  DatabaseRequest,
  DatabaseSnapshot,
  provisioningRequestApprovePermission,
  provisioningRequestOperatePermission,
  provisioningRequestReadPermission,
  reviewDatabaseRequestSchema,
} from '@paved/plugin-provisioning-common';
import type { Router } from 'express';
import type {
  DatabaseOperationStore,
  DatabaseRequestStore,
  StoredDatabaseSnapshot,
} from '../database';
import { OperationLifecycle } from '../lifecycle/OperationLifecycle';
import { OperationGuardrails } from '../policy/OperationGuardrails';
import {
  createRequestAccess,
  idempotencyOf,
  parseBody,
  UUID_PATTERN,
} from './requestAccess';

export interface OperationRoutesOptions {
  requests: DatabaseRequestStore;
  operations: DatabaseOperationStore;
  lifecycle: OperationLifecycle;
  guardrails: OperationGuardrails;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Starts processing of the given operations soon, without waiting for the scheduled run. */
  kick: (ids: string[]) => void;
}

/** A snapshot as the API shows it: where the provider keeps it stays internal. */
function publicSnapshot(snapshot: StoredDatabaseSnapshot): DatabaseSnapshot {
  const { location: _location, ...rest } = snapshot;
  return rest;
}

/**
 * Routes of operations on a ready database, under `/requests/:id`: ask for one (owners and the
 * platform team; guardrails, then approval where the policy says so), list and read them, approve
 * or reject one (approvers, never the one who asked), and list the database's snapshots.
 */
export function addOperationRoutes(
  router: Router,
  options: OperationRoutesOptions,
): void {
  const { operations, lifecycle, guardrails, httpAuth } = options;
  const { loadRequest, authorizeOn, assertFourEyes } = createRequestAccess({
    store: options.requests,
    permissions: options.permissions,
  });

  async function loadOperation(
    request: DatabaseRequest,
    id: string,
  ): Promise<DatabaseOperation> {
    if (!UUID_PATTERN.test(id)) {
      throw new InputError(
        `operationId: "${id.slice(0, 64)}" is not an operation id (rule: UUID)`,
      );
    }
    const operation = await operations.getOperation(id);
    // An operation of another request is as unknown here as one that does not exist.
    if (!operation || operation.requestId !== request.id) {
      throw new NotFoundError(
        `No operation ${id} on database request ${request.id}`,
      );
    }
    return operation;
  }

  router.post('/requests/:id/operations', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const request = await loadRequest(req.params.id);
    await authorizeOn(
      provisioningRequestOperatePermission,
      request,
      credentials,
      'change',
    );
    const idempotency = idempotencyOf(req);
    const admitted = await guardrails.evaluate(request, req.body);
    const { operation, created } = await lifecycle.create(
      request,
      {
        requestId: request.id,
        requestedBy: credentials.principal.userEntityRef,
        ...admitted,
      },
      { idempotency },
      req,
    );
    if (created && operation.status === 'in-progress') {
      options.kick([operation.id]);
    }
    res.status(201).json(operation);
  });

  router.get('/requests/:id/operations', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const request = await loadRequest(req.params.id);
    await authorizeOn(
      provisioningRequestReadPermission,
      request,
      credentials,
      'read',
    );
    res.json({ items: await operations.listOperations(request.id) });
  });

  router.get('/requests/:id/operations/:operationId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const request = await loadRequest(req.params.id);
    await authorizeOn(
      provisioningRequestReadPermission,
      request,
      credentials,
      'read',
    );
    res.json(await loadOperation(request, req.params.operationId));
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(
      `/requests/:id/operations/:operationId/${decision}`,
      async (req, res) => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        const request = await loadRequest(req.params.id);
        const operation = await loadOperation(request, req.params.operationId);
        const { comment } = parseBody(reviewDatabaseRequestSchema, req.body);
        if (decision === 'reject' && !comment?.trim()) {
          throw new InputError(
            'comment: a reason is required to reject an operation (rule: rejections are explained)',
          );
        }
        await authorizeOn(
          provisioningRequestApprovePermission,
          request,
          credentials,
          `${decision} operations on`,
        );
        assertFourEyes(
          operation.requestedBy,
          credentials,
          `${decision} operation ${operation.id}`,
        );
        const { operation: updated } = await lifecycle.transition(
          operation,
          decision === 'approve'
            ? {
                to: 'in-progress',
                from: ['awaiting-approval'],
                phase: 'apply',
                actor: credentials.principal.userEntityRef,
                action: 'approved',
                message: comment,
              }
            : {
                to: 'rejected',
                from: ['awaiting-approval'],
                actor: credentials.principal.userEntityRef,
                action: 'rejected',
                message: comment,
                failureReason: comment,
              },
          req,
        );
        if (updated.status === 'in-progress') options.kick([updated.id]);
        res.json(updated);
      },
    );
  }

  router.get('/requests/:id/snapshots', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const request = await loadRequest(req.params.id);
    await authorizeOn(
      provisioningRequestReadPermission,
      request,
      credentials,
      'read',
    );
    const snapshots = await operations.listSnapshots(request.id);
    res.json({ items: snapshots.map(publicSnapshot) });
  });
}
