/*
 * A test backend with the real catalog, Paved's trust rules and Paved's permission policy, on
 * the catalog settings of the repository's own app-config.yaml, so the tests attack what
 * `make start` runs rather than a copy of its rules.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleUnprocessed from '@backstage/plugin-catalog-backend-module-unprocessed';
import permissionPlugin from '@backstage/plugin-permission-backend';
import pavedPolicy from '@paved/plugin-permission-backend-module-paved-policy';
import { catalogModuleTrustRules } from '../module';

export const repoRoot = path.resolve(__dirname, '../../../..');

/** The example organisation's memberships the tests sign in with. */
export const people = {
  sam: {
    userEntityRef: 'user:default/sam.rivera',
    ownershipEntityRefs: ['user:default/sam.rivera', 'group:default/payments'],
  },
  priya: {
    userEntityRef: 'user:default/priya.natarajan',
    ownershipEntityRefs: [
      'user:default/priya.natarajan',
      'group:default/platform',
    ],
  },
};

/** `Authorization` header of a signed-in person. */
export function signedInAs(person: keyof typeof people): string {
  return mockCredentials.user.header(people[person].userEntityRef);
}

/**
 * Backstage's mock HTTP auth drops the `actor` of a plugin's on-behalf-of token, so the
 * permission backend takes the catalog's authorize calls for a user's own direct requests and
 * refuses resource permissions without a resource ref. The real auth service keeps the actor
 * (the calling plugin); this keeps one too.
 */
const httpAuthWithActorFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({ pluginId: plugin.getId() });
    const prefix = 'Bearer mock-service-token:';
    return {
      async credentials(req: any, options?: any) {
        const credentials = await mock.credentials(req, options);
        const header: unknown = req.headers.authorization;
        if (typeof header === 'string' && header.startsWith(prefix)) {
          const { obo } = JSON.parse(header.slice(prefix.length));
          if (obo) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:on-behalf-of-user' },
            }) as any;
          }
        }
        return credentials;
      },
      issueUserCookie: (res: any, options?: any) =>
        mock.issueUserCookie(res, options),
    };
  },
});

/** The user info service answers with the memberships above, as the catalog would. */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      const person = Object.values(people).find(
        p => p.userEntityRef === userEntityRef,
      );
      if (!person) {
        throw new NotAllowedError(`unknown test user ${userEntityRef}`);
      }
      return person;
    },
  }),
});

/**
 * `catalog:` of app-config.yaml, with file targets resolved the way the backend resolves them
 * (relative to packages/backend, its working directory in development).
 */
export function repoCatalogConfig(): Record<string, any> {
  const appConfig = parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const backendDir = path.join(repoRoot, 'packages/backend');
  const catalog = appConfig.catalog;
  return {
    ...catalog,
    locations: (catalog.locations ?? []).map(
      (location: { type: string; target: string }) =>
        location.type === 'file'
          ? { ...location, target: path.resolve(backendDir, location.target) }
          : location,
    ),
  };
}

export async function startTrustTestBackend(
  options: { extraFeatures?: any[]; config?: Record<string, any> } = {},
) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleUnprocessed,
      catalogModuleTrustRules,
      permissionPlugin,
      pavedPolicy,
      userInfoFactory,
      httpAuthWithActorFactory,
      ...(options.extraFeatures ?? []),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          paved: { platformTeam: 'group:default/platform' },
          ...options.config,
          backend: {
            baseUrl: 'http://localhost:7007',
            ...options.config?.backend,
          },
          catalog: {
            ...repoCatalogConfig(),
            processingInterval: { seconds: 1 },
            ...options.config?.catalog,
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { backend, baseUrl: `http://localhost:${port}` };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`nothing after ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/**
 * A developer's repository host: serves files over HTTP on a free local port, the way the local
 * git host or GitHub serves a repository's catalog-info.yaml to the catalog's URL reader
 * (registered locations must be `url` locations). `files` can be changed while it runs.
 */
export async function startRepositoryHost(files: Map<string, string>) {
  const server = http.createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `localhost:${port}`,
    url: (file: string) => `http://localhost:${port}${file}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
