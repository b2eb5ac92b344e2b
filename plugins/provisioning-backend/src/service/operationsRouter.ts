import {
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DatabaseOperation,
  DatabaseRequest,
  DatabaseSnapshot,
  PriceTable,
  provisioningRequestApprovePermission,
  provisioningRequestOperatePermission,
  provisioningRequestReadPermission,
  reviewDatabaseRequestSchema,
} from '@paved/plugin-provisioning-common';
import type { Router } from 'express';
import type {
  DatabaseOperationStore,
  StoredDatabaseSnapshot,
} from '../database';
import { OperationLifecycle } from '../lifecycle/OperationLifecycle';
import { OperationGuardrails } from '../policy/OperationGuardrails';
import { ApprovalPolicy } from '../policy/ApprovalPolicy';
import { operationCost, pendingOperation } from './operationApprovals';
import { assertApprovalAdded, assertUndecided } from './approvalRoutes';
import {
  idempotencyOf,
  parseBody,
  RequestAccess,
  UUID_PATTERN,
} from './requestAccess';

export interface OperationRoutesOptions {
  /** Loading the request an operation is on, and the permission checks on it. */
  access: RequestAccess;
  operations: DatabaseOperationStore;
  lifecycle: OperationLifecycle;
  guardrails: OperationGuardrails;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  /** The price table, for the cost of an operation. */
  prices: PriceTable;
  /** Who approves, how many times (as for requests). */
  approvals: ApprovalPolicy;
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
  const { loadRequest, authorizeOn, authorizedRequest } = options.access;

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
    const { credentials, request } = await authorizedRequest(
      req,
      provisioningRequestOperatePermission,
      'change',
      ['user'],
    );
    const idempotency = idempotencyOf(req);
    const admitted = await guardrails.evaluate(request, req.body);
    const { operation, created } = await lifecycle.create(
      request,
      {
        requestId: request.id,
        requestedBy: credentials.principal.userEntityRef,
        ...admitted,
        cost: operationCost(options.prices, request, admitted),
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
    const { request } = await authorizedRequest(
      req,
      provisioningRequestReadPermission,
      'read',
    );
    res.json({ items: await operations.listOperations(request.id) });
  });

  router.get('/requests/:id/operations/:operationId', async (req, res) => {
    const { request } = await authorizedRequest(
      req,
      provisioningRequestReadPermission,
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
        const approver = {
          credentials,
          userInfo: await options.userInfo.getUserInfo(credentials),
        };
        const change = pendingOperation(request, operation);
        await options.approvals.assertMayDecide(change, approver, decision);
        assertUndecided(change, operation.status, decision);
        let approval;
        if (decision === 'approve') {
          const result = await options.approvals.approve(
            change,
            approver,
            comment,
          );
          assertApprovalAdded(result.added, change);
          approval = result.state;
          if (!result.complete) {
            await operations.appendEvent(operation, {
              actor: credentials.principal.userEntityRef,
              action: 'approval-added',
              message: `Approval ${approval.approvals.length} of ${
                approval.required
              }${comment ? `: ${comment}` : ''}`,
            });
            res.json({ ...operation, approval });
            return;
          }
        }
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
        res.json({
          ...updated,
          approval: approval ?? (await options.approvals.stateOf(change)),
        });
      },
    );
  }

  router.get('/requests/:id/snapshots', async (req, res) => {
    const { request } = await authorizedRequest(
      req,
      provisioningRequestReadPermission,
      'read',
    );
    const snapshots = await operations.listSnapshots(request.id);
    res.json({ items: snapshots.map(publicSnapshot) });
  });
}
