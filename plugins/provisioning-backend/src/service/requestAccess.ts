import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { violationsError, violationsFromZod } from '@paved/backend-platform';
import { z } from 'zod/v3';
import type { DatabaseRequestStore } from '../database';

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A JSON body parsed by a -common schema, or a 400 naming every violation. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw violationsError(violationsFromZod(result.error.issues));
  }
  return result.data;
}

/** Loading a request by its path id, and checking a permission on it: what every route does first. */
export function createRequestAccess(options: {
  store: DatabaseRequestStore;
  permissions: PermissionsService;
}) {
  const { store, permissions } = options;

  async function loadRequest(id: string): Promise<DatabaseRequest> {
    if (!UUID_PATTERN.test(id)) {
      throw new InputError(
        `id: "${id.slice(0, 64)}" is not a request id (rule: UUID)`,
      );
    }
    const request = await store.getRequest(id);
    if (!request) throw new NotFoundError(`No database request with id ${id}`);
    return request;
  }

  async function authorizeOn(
    permission: ResourcePermission<'provisioning-request'>,
    request: DatabaseRequest,
    credentials: BackstageCredentials,
    what: string,
  ) {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: request.id }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${what} request ${request.id} (permission ${permission.name})`,
      );
    }
  }

  return { loadRequest, authorizeOn };
}

export type RequestAccess = ReturnType<typeof createRequestAccess>;
