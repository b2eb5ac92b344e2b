import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ApprovalDiffLine,
  ApprovalInboxItem,
  DatabaseRequest,
  PriceTable,
  provisioningRequestApprovePermission,
  reviewDatabaseRequestSchema,
} from '@paved/plugin-provisioning-common';
import express from 'express';
import type {
  ApprovalStore,
  DatabaseOperationStore,
  DatabaseRequestStore,
} from '../database';
import { RequestLifecycle } from '../lifecycle/RequestLifecycle';
import {
  ApprovalPolicy,
  Approver,
  PendingChange,
} from '../policy/ApprovalPolicy';
import {
  operationCost,
  operationDiff,
  pendingOperation,
} from './operationApprovals';
import { parseBody, RequestAccess } from './requestAccess';

export interface ApprovalRoutesOptions {
  store: DatabaseRequestStore;
  operationStore: DatabaseOperationStore;
  prices: PriceTable;
  approvalStore: ApprovalStore;
  approvals: ApprovalPolicy;
  lifecycle: RequestLifecycle;
  access: RequestAccess;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  claimsOf: (approver: Approver) => Promise<string[]>;
  /** Every environment, for the ones the caller approves in. */
  environments: string[];
  kick: (ids: string[]) => void;
}

/** A request as a change to approve. */
export function pendingRequest(request: DatabaseRequest): PendingChange {
  return {
    subject: { type: 'request', id: request.id },
    label: `request ${request.id}`,
    environment: request.environment,
    requestedBy: request.requestedBy,
  };
}

/** Why the caller may not approve an inbox item, if they may not. */
export function reasonOf(
  refusal: { problem: string; rule: string } | undefined,
  alreadyApproved: boolean,
): string | undefined {
  if (refusal) return `${refusal.problem} (rule: ${refusal.rule})`;
  if (alreadyApproved) {
    return 'you approved it already (rule: approvals by distinct people)';
  }
  return undefined;
}

/** What approving a new request creates: every line is new. */
function requestDiff(request: DatabaseRequest): ApprovalDiffLine[] {
  const fields: Array<[string, unknown]> = [
    ['name', request.name],
    ['owner', request.owner],
    ['environment', request.environment],
    ['provider', request.provider],
    ['size', request.size],
    ['storageGB', request.storageGB],
    ['version', request.version],
    ['system', request.system],
    ['component', request.component],
    ['ttlHours', request.ttlHours],
  ];
  return fields
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ field, after: String(value) }));
}

/**
 * `POST /requests/:id/approve`, `POST /requests/:id/reject` and `GET /approvals` (the approvals
 * inbox). An approval counts once per person; the request moves on with the environment's
 * required number of approvals.
 */
export function addApprovalRoutes(
  router: express.Router,
  options: ApprovalRoutesOptions,
) {
  const { store, approvals, lifecycle, access, httpAuth, userInfo } = options;

  async function approverOf(req: express.Request): Promise<Approver> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, userInfo: await userInfo.getUserInfo(credentials) };
  }

  function assertPending(request: DatabaseRequest, what: string) {
    if (request.status !== 'awaiting-approval') {
      throw new ConflictError(
        `Cannot ${what} request ${request.id}: it is ${request.status}, already decided (rule: only pending requests are reviewed)`,
      );
    }
  }

  router.post('/requests/:id/approve', async (req, res) => {
    const approver = await approverOf(req);
    const request = await access.loadRequest(req.params.id);
    const { comment } = parseBody(reviewDatabaseRequestSchema, req.body);
    await access.authorizeOn(
      provisioningRequestApprovePermission,
      request,
      approver.credentials,
      'approve',
    );
    const change = pendingRequest(request);
    await approvals.assertMayDecide(change, approver, 'approve');
    assertPending(request, 'approve');

    const actor = approver.userInfo.userEntityRef;
    const { added, complete, state } = await approvals.approve(
      change,
      approver,
      comment,
    );
    if (!added) {
      throw new ConflictError(
        `You already approved request ${request.id}; one person's approvals count once (rule: approvals by distinct people)`,
      );
    }
    const tally = `Approval ${Math.min(
      state.approvals.length,
      state.required,
    )} of ${state.required}`;
    let updated: DatabaseRequest = request;
    if (complete) {
      try {
        updated = await lifecycle.transition(
          request.id,
          {
            to: 'provisioning',
            from: ['awaiting-approval'],
            actor,
            action: 'approved',
            // With one approval the approver's comment says it all; with more, who they were too.
            message:
              state.required === 1
                ? comment
                : `${tally} by ${state.approvals
                    .map(a => a.approver)
                    .join(', ')}${comment ? `: ${comment}` : ''}`,
            humanStep: true,
          },
          req,
        );
        options.kick([updated.id]);
      } catch (error) {
        // Two approvers completing at once: one moves the request on, the other finds it moved.
        const current = await store.getRequest(request.id);
        if (!(error instanceof ConflictError) || !current) throw error;
        if (current.status === 'awaiting-approval') throw error;
        updated = current;
      }
    } else {
      const auditEvent = await options.auditor.createEvent({
        eventId: 'request-approval',
        severityLevel: 'high',
        request: req,
        meta: {
          requestId: request.id,
          actor,
          approvals: state.approvals.length,
        },
      });
      await store.appendEvent(request.id, {
        actor,
        action: 'approval-added',
        message: `${tally}${comment ? `: ${comment}` : ''}`,
      });
      await auditEvent.success();
    }
    res.json({ ...updated, approval: state });
  });

  router.post('/requests/:id/reject', async (req, res) => {
    const approver = await approverOf(req);
    const request = await access.loadRequest(req.params.id);
    const { comment } = parseBody(reviewDatabaseRequestSchema, req.body);
    if (!comment?.trim()) {
      throw new InputError(
        'comment: a reason is required to reject a request (rule: rejections are explained)',
      );
    }
    await access.authorizeOn(
      provisioningRequestApprovePermission,
      request,
      approver.credentials,
      'reject',
    );
    const change = pendingRequest(request);
    await approvals.assertMayDecide(change, approver, 'reject');
    assertPending(request, 'reject');
    const updated = await lifecycle.transition(
      request.id,
      {
        to: 'rejected',
        from: ['awaiting-approval'],
        actor: approver.userInfo.userEntityRef,
        action: 'rejected',
        message: comment,
        humanStep: true,
      },
      req,
    );
    res.json({ ...updated, approval: await approvals.stateOf(change) });
  });

  /** Pending operations on databases in environments this person approves. */
  async function operationItems(
    approver: Approver,
    claims: string[],
  ): Promise<ApprovalInboxItem[]> {
    const pendingOps = await options.operationStore.listAwaitingApproval();
    const pairs: Array<[DatabaseRequest, (typeof pendingOps)[number]]> = [];
    for (const operation of pendingOps) {
      const request = await store.getRequest(operation.requestId);
      if (
        request &&
        approvals
          .ruleFor(request.environment)
          .approvers.some(group => claims.includes(group))
      ) {
        pairs.push([request, operation]);
      }
    }
    if (pairs.length === 0) return [];
    const decisions = await options.permissions.authorize(
      pairs.map(([request]) => ({
        permission: provisioningRequestApprovePermission,
        resourceRef: request.id,
      })),
      { credentials: approver.credentials },
    );
    const allowed = pairs.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
    const given = await options.approvalStore.listMany(
      'operation',
      allowed.map(([, operation]) => operation.id),
    );
    const actor = approver.userInfo.userEntityRef.toLocaleLowerCase('en-US');
    const items: ApprovalInboxItem[] = [];
    for (const [request, operation] of allowed) {
      const change = pendingOperation(request, operation);
      const state = {
        ...approvals.ruleFor(request.environment),
        approvals: given.get(operation.id) ?? [],
      };
      const refusal = await approvals.refusal(change, approver, claims);
      const already = state.approvals.some(a => a.approver === actor);
      const reason = reasonOf(refusal, already);
      items.push({
        subjectType: 'operation',
        id: operation.id,
        requestId: request.id,
        request,
        title: `${operation.type} of ${request.name} (${request.environment})`,
        owner: request.owner,
        environment: request.environment,
        requestedBy: operation.requestedBy,
        createdAt: operation.createdAt,
        cost: operationCost(options.prices, request, operation),
        diff: operationDiff(request, operation),
        approval: state,
        canApprove: !reason,
        ...(reason ? { reason } : {}),
      });
    }
    return items;
  }

  router.get('/approvals', async (req, res) => {
    const approver = await approverOf(req);
    const claims = await options.claimsOf(approver);
    const pending = await store.listRequests({
      statuses: ['awaiting-approval'],
    });
    // Only what this person is an approver of, by the environment's rule and the permission policy.
    const mine = pending.filter(request =>
      approvals
        .ruleFor(request.environment)
        .approvers.some(group => claims.includes(group)),
    );
    const decisions = mine.length
      ? await options.permissions.authorize(
          mine.map(request => ({
            permission: provisioningRequestApprovePermission,
            resourceRef: request.id,
          })),
          { credentials: approver.credentials },
        )
      : [];
    const allowed = mine.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
    const given = await options.approvalStore.listMany(
      'request',
      allowed.map(r => r.id),
    );
    const actor = approver.userInfo.userEntityRef.toLocaleLowerCase('en-US');
    const items: ApprovalInboxItem[] = [];
    for (const request of allowed) {
      const change = pendingRequest(request);
      const state = {
        ...approvals.ruleFor(request.environment),
        approvals: given.get(request.id) ?? [],
      };
      const refusal = await approvals.refusal(change, approver, claims);
      const already = state.approvals.some(a => a.approver === actor);
      items.push({
        subjectType: 'request',
        id: request.id,
        requestId: request.id,
        request,
        title: `Database ${request.name} (${request.environment})`,
        owner: request.owner,
        environment: request.environment,
        requestedBy: request.requestedBy,
        createdAt: request.createdAt,
        ...(request.cost ? { cost: request.cost } : {}),
        diff: requestDiff(request),
        approval: state,
        canApprove: !refusal && !already,
        ...(reasonOf(refusal, already)
          ? { reason: reasonOf(refusal, already) }
          : {}),
      });
    }
    items.push(...(await operationItems(approver, claims)));
    items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    // Where the caller is an approver by the rules, so a portal shows the inbox only to them.
    const environments = options.environments.filter(environment =>
      approvals
        .ruleFor(environment)
        .approvers.some(group => claims.includes(group)),
    );
    res.json({ items, environments });
  });
}
