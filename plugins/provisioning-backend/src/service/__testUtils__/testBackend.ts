import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JsonObject } from '@backstage/types';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  provisioningRequestApprovePermission,
  provisioningRequestReadPermission,
} from '@paved/plugin-provisioning-common';
import provisioningSandboxModule from '@paved/plugin-provisioning-backend-module-sandbox';
import request from 'supertest';
import { provisioningPlugin } from '../../plugin';

/** The provisioning backend with Paved-like permissions and an example organisation, for router tests. */
export const SAM = 'user:default/sam.rivera';
export const PRIYA = 'user:default/priya.natarajan';
export const OUTSIDER = 'user:default/olga.outsider';
/** A second platform engineer, for rules that need two distinct approvers. */
export const PAT = 'user:default/pat.platform';
/** Signs in with a token that names only the user, like the guest provider; the catalog knows the team. */
export const TOKEN_WITHOUT_GROUPS = 'user:default/gus.guest';

const memberships: Record<string, string[]> = {
  [SAM]: ['group:default/payments'],
  [PRIYA]: ['group:default/platform'],
  [PAT]: ['group:default/platform'],
  [OUTSIDER]: ['group:default/data'],
};

function claimsOf(credentials: BackstageCredentials): string[] {
  const principal = credentials.principal as { userEntityRef?: string };
  const user = principal.userEntityRef ?? '';
  return [user, ...(memberships[user] ?? [])];
}

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'gus.guest', namespace: 'default' },
    spec: { memberOf: ['payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
  },
  group('payments'),
  group('platform'),
  group('data'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { owner: 'group:default/payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
    },
  },
];

/**
 * A permission policy like Paved's: approvals for the platform team; deletes and credentials for
 * the owning team and the platform team. Resource decisions look the request up through the
 * router's own read, as the permission backend would through the permission integration.
 */
function permissionsMock(owners: Map<string, string>) {
  const isPlatform = (c: BackstageCredentials) =>
    claimsOf(c).includes('group:default/platform');
  return mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const credentials = (options as { credentials: BackstageCredentials })
        .credentials;
      return requests.map(r => {
        const { permission } = r as { permission: { name: string } };
        const resourceRef = (r as { resourceRef?: string }).resourceRef;
        if (permission.name === provisioningRequestApprovePermission.name) {
          return {
            result: isPlatform(credentials)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        }
        if (
          permission.name === provisioningRequestReadPermission.name ||
          permission.name === 'provisioning.request.create'
        ) {
          return { result: AuthorizeResult.ALLOW };
        }
        const owner = resourceRef ? owners.get(resourceRef) : undefined;
        const allowed =
          isPlatform(credentials) ||
          (owner !== undefined && claimsOf(credentials).includes(owner));
        return {
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      });
    },
    authorizeConditional: async (queries, options) => {
      const credentials = (options as { credentials: BackstageCredentials })
        .credentials;
      return queries.map(() =>
        claimsOf(credentials).includes(OUTSIDER)
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'provisioning',
              resourceType: 'provisioning-request',
              conditions: {
                rule: 'IS_REQUEST_OWNER',
                resourceType: 'provisioning-request',
                params: { claims: claimsOf(credentials) },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ) as any;
    },
  });
}

export async function startBackend(options: {
  sandboxConnection: string;
  config?: Record<string, unknown>;
  ephemeralMaxLifetimeHours?: number;
  /** Merged into `provisioning.environments.<env>`, e.g. an approval rule. */
  environments?: Record<string, JsonObject>;
  /** Merged into `provisioning.quotas.default`, e.g. a monthly budget. */
  defaultQuota?: JsonObject;
  /** More provider modules beside the sandbox, e.g. crossplane. */
  features?: BackendFeature[];
  /** Merged into `provisioning.providers`, e.g. the crossplane module's settings. */
  providers?: JsonObject;
}) {
  const env = (name: string, values: JsonObject): JsonObject => ({
    ...values,
    ...options.environments?.[name],
  });
  const owners = new Map<string, string>();
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-data-'));
  const backend = await startTestBackend({
    features: [
      provisioningPlugin,
      provisioningSandboxModule,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          // Snapshots and other development state go to a fresh folder, never the repository's .data/.
          paved: {
            platformTeam: 'group:default/platform',
            dataDirectory,
          },
          provisioning: {
            environments: {
              development: env('development', {
                provider: 'sandbox',
                sizes: ['small', 'medium'],
                storageGB: { min: 1, max: 20 },
              }),
              staging: env('staging', {
                provider: 'sandbox',
                sizes: ['small', 'medium', 'large'],
                storageGB: { min: 1, max: 100 },
              }),
              production: env('production', {
                provider: 'sandbox',
                requiresApproval: true,
                storageGB: { min: 10, max: 500 },
              }),
              ephemeral: env('ephemeral', {
                provider: 'sandbox',
                sizes: ['small'],
                storageGB: { min: 1, max: 5 },
                maxTtlHours: 24,
                ...(options.ephemeralMaxLifetimeHours
                  ? { maxLifetimeHours: options.ephemeralMaxLifetimeHours }
                  : {}),
              }),
            },
            quotas: {
              default: {
                maxRequests: 4,
                maxStorageGB: 60,
                ...options.defaultQuota,
              },
              teams: [
                {
                  owner: 'group:default/platform',
                  maxRequests: 50,
                  maxStorageGB: 5000,
                },
              ],
            },
            // A request never ends `failed` during a test: retries far apart, for a day.
            processing: { backoffBaseSeconds: 600, retryDeadline: '1d' },
            providers: {
              sandbox: { connection: options.sandboxConnection },
              ...options.providers,
            },
            cost: {
              currency: 'EUR',
              providers: {
                sandbox: {
                  sizes: { small: 20, medium: 60, large: 150 },
                  storageGBMonthly: 0.5,
                },
              },
            },
          },
          ...options.config,
        },
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => ({
          userEntityRef: (credentials.principal as { userEntityRef: string })
            .userEntityRef,
          ownershipEntityRefs: claimsOf(credentials),
        }),
      }).factory,
      permissionsMock(owners).factory,
    ],
  });
  /*
   * `stop` lets a test end the backend's background work (processing, GitOps commits) before it
   * removes the folders that work writes to; otherwise the removal can race a commit.
   */
  return {
    server: backend.server,
    owners,
    stop: async () => {
      await backend.stop();
      fs.rmSync(dataDirectory, {
        recursive: true,
        force: true,
        maxRetries: 10,
      });
    },
  };
}

export const body = (overrides: Record<string, unknown> = {}) => ({
  type: 'postgresql',
  name: 'orders',
  owner: 'group:default/payments',
  environment: 'development',
  size: 'small',
  storageGB: 5,
  ...overrides,
});

/** Files a request as `user`, remembering its owner for the permission mock. */
export async function createRequest(
  server: Awaited<ReturnType<typeof startBackend>>['server'],
  owners: Map<string, string>,
  overrides: Record<string, unknown> = {},
  user = SAM,
) {
  const res = await request(server)
    .post('/api/provisioning/requests')
    .set('Authorization', mockCredentials.user.header(user))
    .send(body(overrides));
  if (res.status === 201) owners.set(res.body.id, res.body.owner);
  return res;
}
