import type { RequestDrift } from '../providers/RequestDrift';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ConflictError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  DATABASE_REQUEST_STATUSES,
  DatabaseCredentials,
  DatabaseRequest,
  DatabaseRequestStatus,
  engineDefinition,
  extendDatabaseRequestSchema,
  provisioningRequestCreatePermission,
  provisioningRequestDeletePermission,
  provisioningRequestReadPermission,
  provisioningRequestReadSecretPermission,
} from '@paved/plugin-provisioning-common';
import express from 'express';
import {
  ApprovalStore,
  DatabaseRequestStore,
  RequestSecretStore,
} from '../database';
import { ApprovalPolicy } from '../policy/ApprovalPolicy';
import { addApprovalRoutes, pendingRequest } from './approvalRoutes';
import { addCostRoutes } from './costRoutes';
import { RequestLifecycle } from '../lifecycle/RequestLifecycle';
import { RequestGuardrails } from '../policy/RequestGuardrails';
import { OperationGuardrails } from '../policy/OperationGuardrails';
import type { DatabaseRequestQuery } from '../permissions';
import {
  databaseUnavailableHandler,
  nulCharacterGuard,
  violationsError,
} from '@paved/backend-platform';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { openApiRequestValidation } from './requestValidation';
import { addOperationRoutes, OperationRoutesOptions } from './operationsRouter';
import { createRequestAccess, idempotencyOf, parseBody } from './requestAccess';
import { assertGroupRefs, queryList } from './queryParameters';

export interface RouterOptions {
  store: DatabaseRequestStore;
  secrets: RequestSecretStore;
  /** Unapproved drift of a request, from its provider. */
  drift: Pick<RequestDrift, 'of'>;
  lifecycle: RequestLifecycle;
  guardrails: RequestGuardrails;
  approvalStore: ApprovalStore;
  approvals: ApprovalPolicy;
  operationGuardrails: OperationGuardrails;
  /** Operations on ready databases; their routes are in operationsRouter.ts. */
  operations: Pick<OperationRoutesOptions, 'operations' | 'lifecycle' | 'kick'>;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  ruleset: PermissionRuleset<DatabaseRequest, DatabaseRequestQuery>;
  /** Starts processing of the given requests soon, without waiting for the scheduled run. */
  kick: (ids: string[]) => void;
  now?: () => Date;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    store,
    secrets,
    lifecycle,
    guardrails,
    httpAuth,
    userInfo,
    permissions,
    auditor,
  } = options;

  // Every route is described in src/schema/openapi.yaml; requests are validated against it first.
  const router = await createOpenApiRouter({
    validatorOptions: { validateRequests: false },
    middleware: [
      express.json({ limit: '64kb' }),
      ...(openApiRequestValidation(spec) as express.RequestHandler[]),
      nulCharacterGuard(),
    ],
  });

  const access = createRequestAccess({
    store,
    permissions,
    httpAuth,
    ruleset: options.ruleset,
  });
  const { loadRequest, authorizeOn, authorizedRequest } = access;

  router.post('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: provisioningRequestCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not request databases (permission ${provisioningRequestCreatePermission.name})`,
      );
    }

    const idempotency = idempotencyOf(req);

    const info = await userInfo.getUserInfo(credentials);
    const input = await guardrails.evaluate(req.body, {
      credentials,
      userInfo: info,
    });
    const { request, created } = await store.createRequest(
      {
        ...input,
        initialStatus: input.approvalRequired
          ? 'awaiting-approval'
          : 'provisioning',
      },
      {
        quota: guardrails.quotaFor(input.owner),
        idempotency,
      },
    );
    if (created) {
      await lifecycle.created(request, req);
      if (request.status === 'provisioning') options.kick([request.id]);
    }
    res.status(201).json(request);
  });

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const owners = queryList(req.query.owner, 'owner')?.map(o =>
      o.toLocaleLowerCase('en-US'),
    );
    const statuses = queryList(req.query.status, 'status');
    const unknown = (statuses ?? []).filter(
      status =>
        !DATABASE_REQUEST_STATUSES.includes(status as DatabaseRequestStatus),
    );
    if (unknown.length) {
      throw violationsError(
        unknown.map(status => ({
          field: 'status',
          problem: `"${status.slice(
            0,
            64,
          )}" is not one of ${DATABASE_REQUEST_STATUSES.join(', ')}`,
          rule: 'enum',
        })),
      );
    }
    const requestedBy = queryList(req.query.requestedBy, 'requestedBy')?.[0];
    const items = await access.listReadable(credentials, {
      owners,
      statuses: statuses as DatabaseRequestStatus[] | undefined,
      requestedBy,
    });
    res.json({ items });
  });

  router.get('/requests/:id', async (req, res) => {
    const { request } = await authorizedRequest(
      req,
      provisioningRequestReadPermission,
      'read',
    );
    const events = await store.listEvents(request.id);
    const approval = request.approvalRequired
      ? await options.approvals.stateOf(pendingRequest(request))
      : undefined;
    res.json({ ...request, ...(approval ? { approval } : {}), events });
  });

  router.get('/requests/:id/drift', async (req, res) => {
    const { request } = await authorizedRequest(
      req,
      provisioningRequestReadPermission,
      'read',
    );
    res.json(await options.drift.of(request));
  });

  addApprovalRoutes(router, {
    ...options,
    access,
    operationStore: options.operations.operations,
    prices: guardrails.prices,
    claimsOf: approver => guardrails.claimsOf(approver),
    environments: guardrails.policy.environments.map(e => e.environment),
  });
  addCostRoutes(router, { ...options, access });

  router.delete('/requests/:id', async (req, res) => {
    const { credentials, request } = await authorizedRequest(
      req,
      provisioningRequestDeletePermission,
      'delete',
      ['user'],
    );
    const actor = credentials.principal.userEntityRef;
    let updated: DatabaseRequest;
    if (request.status === 'awaiting-approval') {
      // Nothing was created yet, so there is nothing to deprovision.
      updated = await lifecycle.transition(
        request.id,
        {
          to: 'deleted',
          from: ['awaiting-approval'],
          actor,
          action: 'withdrawn',
        },
        req,
      );
    } else {
      updated = await lifecycle.transition(
        request.id,
        {
          to: 'deprovisioning',
          from: ['provisioning', 'ready', 'failed'],
          endStatus: 'deleted',
          actor,
          action: 'delete',
        },
        req,
      );
      options.kick([updated.id]);
    }
    res.status(202).json(updated);
  });

  router.post('/requests/:id/extend', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const request = await loadRequest(req.params.id);
    const { hours } = parseBody(extendDatabaseRequestSchema, req.body);
    await authorizeOn(
      provisioningRequestDeletePermission,
      request,
      credentials,
      'extend',
    );
    const {
      expiresAt,
      hours: extension,
      violations,
    } = options.operationGuardrails.extensionTarget(request, hours);
    if (!expiresAt) throw violationsError(violations);
    const auditEvent = await auditor.createEvent({
      eventId: 'request-extend',
      severityLevel: 'medium',
      request: req,
      meta: { requestId: request.id, expiresAt: expiresAt.toISOString() },
    });
    try {
      const updated = await store.extend(request.id, expiresAt, {
        actor: credentials.principal.userEntityRef,
        message: `Extended by ${extension} hours, expires at ${expiresAt.toISOString()}`,
      });
      await auditEvent.success();
      res.json(updated);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/requests/:id/credentials', async (req, res) => {
    const { credentials, request } = await authorizedRequest(
      req,
      provisioningRequestReadSecretPermission,
      'read the credentials of',
      ['user'],
    );
    const auditEvent = await auditor.createEvent({
      eventId: 'credentials-read',
      severityLevel: 'high',
      request: req,
      meta: { requestId: request.id, owner: request.owner },
    });
    try {
      if (request.status !== 'ready' || !request.outputs) {
        throw new ConflictError(
          `Request ${request.id} is ${request.status}; credentials exist once it is ready`,
        );
      }
      if (!request.outputs.credentialsRef.startsWith('paved-secret:')) {
        throw new NotFoundError(
          `Credentials of request ${request.id} are kept at ${request.outputs.credentialsRef}, not by Paved`,
        );
      }
      const password = await secrets.get(request.id);
      if (!password)
        throw new NotFoundError(
          `No credentials stored for request ${request.id}`,
        );
      const { host, port, database, username, keyPrefix } = request.outputs;
      const body: DatabaseCredentials = {
        host,
        port,
        database,
        username,
        password,
        connectionString: engineDefinition(request.type).connectionUrl({
          host,
          port,
          database,
          username,
          password,
        }),
        ...(typeof keyPrefix === 'string' ? { keyPrefix } : {}),
      };
      await auditEvent.success();
      // Also on the request's own trail, so owners see who revealed the (possibly rotated) password.
      await store.appendEvent(request.id, {
        actor: credentials.principal.userEntityRef,
        action: 'credentials-revealed',
        message: `Password of login ${username} revealed`,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.json(body);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/policy', async (req, res) => {
    await httpAuth.credentials(req);
    const owner = queryList(req.query.owner, 'owner')?.[0]?.toLocaleLowerCase(
      'en-US',
    );
    if (!owner) {
      res.json(guardrails.policy);
      return;
    }
    assertGroupRefs([owner]);
    const quota = guardrails.quotaFor(owner);
    const usage = await store.getUsage(owner);
    res.json({
      ...guardrails.policy,
      usage: {
        owner,
        quota,
        requests: usage.requests,
        storageGB: usage.storageGB,
        remainingRequests: Math.max(0, quota.maxRequests - usage.requests),
        remainingStorageGB: Math.max(0, quota.maxStorageGB - usage.storageGB),
        monthlyCost: {
          monthly: usage.monthlyCost,
          currency: guardrails.prices.currency,
        },
      },
    });
  });

  addOperationRoutes(router, {
    ...options.operations,
    access,
    guardrails: options.operationGuardrails,
    httpAuth,
    userInfo,
    approvals: options.approvals,
    prices: guardrails.prices,
  });

  // A database restart or failover answers 503 (retry), not 500: nothing was changed.
  router.use(databaseUnavailableHandler());
  return router;
}
