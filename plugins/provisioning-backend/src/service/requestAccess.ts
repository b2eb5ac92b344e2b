import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  DatabaseRequest,
  provisioningRequestReadPermission,
} from '@paved/plugin-provisioning-common';
import { violationsError, violationsFromZod } from '@paved/backend-platform';
import { createHash } from 'crypto';
import type { Request } from 'express';
import { z } from 'zod/v3';
import type { DatabaseRequestFilter, DatabaseRequestStore } from '../database';
import type { DatabaseRequestQuery } from '../permissions';

/** Request and operation ids are UUIDs; anything else is refused before it reaches the store. */
export const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Printable ASCII without spaces, as in the IETF Idempotency-Key draft's examples. */
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with sorted keys, so two bodies that differ only in key order hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map(k => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The `Idempotency-Key` of a create call with the hash of its body, or undefined without one. */
export function idempotencyOf(
  req: Request,
): { key: string; bodyHash: string } | undefined {
  const key = req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new InputError(
      'Idempotency-Key: must be 1 to 255 printable ASCII characters without spaces (rule: idempotency key)',
    );
  }
  return {
    key,
    bodyHash: createHash('sha256')
      .update(canonicalJson(req.body))
      .digest('hex'),
  };
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw violationsError(violationsFromZod(result.error.issues));
  }
  return result.data;
}

/** Loading requests and the permission checks on them, shared by the routers. */
export function createRequestAccess(options: {
  store: DatabaseRequestStore;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  ruleset: PermissionRuleset<DatabaseRequest, DatabaseRequestQuery>;
}) {
  const authorizeConditions = createConditionAuthorizer(options.ruleset);

  async function loadRequest(id: string): Promise<DatabaseRequest> {
    if (!UUID_PATTERN.test(id)) {
      throw new InputError(
        `id: "${id.slice(0, 64)}" is not a request id (rule: UUID)`,
      );
    }
    const request = await options.store.getRequest(id);
    if (!request) throw new NotFoundError(`No database request with id ${id}`);
    return request;
  }

  async function authorizeOn(
    permission: ResourcePermission<'provisioning-request'>,
    request: DatabaseRequest,
    credentials: BackstageCredentials,
    what: string,
  ) {
    const [decision] = await options.permissions.authorize(
      [{ permission, resourceRef: request.id }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${what} request ${request.id} (permission ${permission.name})`,
      );
    }
  }

  /**
   * The caller and the request of a route under `/requests/:id`, checked in this order: the
   * caller's credentials (only `allow`ed principals), the id, that the request exists, and that
   * the caller may `what` it.
   */
  async function authorizedRequest<
    TAllowed extends keyof BackstagePrincipalTypes = 'unknown',
  >(
    req: Request,
    permission: ResourcePermission<'provisioning-request'>,
    what: string,
    allow?: TAllowed[],
  ): Promise<{
    credentials: BackstageCredentials<BackstagePrincipalTypes[TAllowed]>;
    request: DatabaseRequest;
  }> {
    const credentials = allow
      ? await options.httpAuth.credentials(req, { allow })
      : await options.httpAuth.credentials<TAllowed>(req);
    const request = await loadRequest(req.params.id);
    await authorizeOn(permission, request, credentials, what);
    return { credentials, request };
  }

  /** The requests matching `filter` that the caller may read: none when the policy denies all. */
  async function listReadable(
    credentials: BackstageCredentials,
    filter: DatabaseRequestFilter,
  ): Promise<DatabaseRequest[]> {
    const [decision] = await options.permissions.authorizeConditional(
      [{ permission: provisioningRequestReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) return [];
    const requests = await options.store.listRequests(filter);
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return requests.filter(request => authorizeConditions(decision, request));
    }
    return requests;
  }

  return { loadRequest, authorizeOn, authorizedRequest, listReadable };
}

export type RequestAccess = ReturnType<typeof createRequestAccess>;
