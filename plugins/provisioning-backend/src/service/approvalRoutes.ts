import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Approval,
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

/** Refuses to decide a change that was decided already. */
export function assertUndecided(
  change: PendingChange,
  status: string,
  decision: 'approve' | 'reject',
): void {
  if (status !== 'awaiting-approval') {
    throw new ConflictError(
      `Cannot ${decision} ${change.label}: it is ${status}, already decided (rule: only pending requests are reviewed)`,
    );
  }
}

/** Refuses a second approval of one change by the same person. */
export function assertApprovalAdded(
  added: boolean,
  change: PendingChange,
): void {
  if (!added) {
    throw new ConflictError(
      `You already approved ${change.label}; one person's approvals count once (rule: approvals by distinct people)`,
    );
  }
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

  /** Whether someone with these claims is among the approvers of the environment's rule. */
  function approvesIn(claims: string[], environment: string): boolean {
    return approvals
      .ruleFor(environment)
      .approvers.some(group => claims.includes(group));
  }

  /** The items whose request the permission policy lets the approver approve. */
  async function permittedToApprove<T>(
    approver: Approver,
    items: T[],
    requestOf: (item: T) => DatabaseRequest,
  ): Promise<T[]> {
    if (items.length === 0) return [];
    const decisions = await options.permissions.authorize(
      items.map(item => ({
        permission: provisioningRequestApprovePermission,
        resourceRef: requestOf(item).id,
      })),
      { credentials: approver.credentials },
    );
    return items.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
  }

  /** An inbox item's approvals so far, and whether (or why not) the approver may add theirs. */
  async function standingOf(
    change: PendingChange,
    given: Approval[],
    approver: Approver,
    claims: string[],
  ): Promise<Pick<ApprovalInboxItem, 'approval' | 'canApprove' | 'reason'>> {
    const approval = {
      ...approvals.ruleFor(change.environment),
      approvals: given,
    };
    const refusal = await approvals.refusal(change, approver, claims);
    const actor = approver.userInfo.userEntityRef.toLocaleLowerCase('en-US');
    const already = approval.approvals.some(a => a.approver === actor);
    const reason = reasonOf(refusal, already);
    return { approval, canApprove: !reason, ...(reason ? { reason } : {}) };
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
    assertUndecided(change, request.status, 'approve');

    const actor = approver.userInfo.userEntityRef;
    const { added, complete, state } = await approvals.approve(
      change,
      approver,
      comment,
    );
    assertApprovalAdded(added, change);
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
    assertUndecided(change, request.status, 'reject');
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
      if (request && approvesIn(claims, request.environment)) {
        pairs.push([request, operation]);
      }
    }
    if (pairs.length === 0) return [];
    const allowed = await permittedToApprove(
      approver,
      pairs,
      ([request]) => request,
    );
    const given = await options.approvalStore.listMany(
      'operation',
      allowed.map(([, operation]) => operation.id),
    );
    const items: ApprovalInboxItem[] = [];
    for (const [request, operation] of allowed) {
      const change = pendingOperation(request, operation);
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
        ...(await standingOf(
          change,
          given.get(operation.id) ?? [],
          approver,
          claims,
        )),
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
      approvesIn(claims, request.environment),
    );
    const allowed = await permittedToApprove(
      approver,
      mine,
      request => request,
    );
    const given = await options.approvalStore.listMany(
      'request',
      allowed.map(r => r.id),
    );
    const items: ApprovalInboxItem[] = [];
    for (const request of allowed) {
      const change = pendingRequest(request);
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
        ...(await standingOf(
          change,
          given.get(request.id) ?? [],
          approver,
          claims,
        )),
      });
    }
    items.push(...(await operationItems(approver, claims)));
    items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    // Where the caller is an approver by the rules, so a portal shows the inbox only to them.
    const environments = options.environments.filter(environment =>
      approvesIn(claims, environment),
    );
    res.json({ items, environments });
  });
}
