/* eslint-disable @backstage/no-mixed-plugin-imports -- a test portal assembles plugins, as packages/backend does */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  BackendFeature,
  RootLoggerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { createBackend } from '@backstage/backend-defaults';
import authBackend from '@backstage/plugin-auth-backend';
import pavedAuthBackendModulePavedSignIn from '@paved/plugin-auth-backend-module-paved-sign-in';
import permissionBackend from '@backstage/plugin-permission-backend';
import pavedPermissionBackendModulePavedPolicy from '@paved/plugin-permission-backend-module-paved-policy';
import catalogBackend from '@backstage/plugin-catalog-backend';
import pavedCatalogBackendModuleTrustRules from '@paved/plugin-catalog-backend-module-trust-rules';
import catalogBackendModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import pavedScaffolderBackendModuleGoldenPaths from '@paved/plugin-scaffolder-backend-module-golden-paths';
import pavedGoldenPathsBackend from '@paved/plugin-golden-paths-backend';
import pavedGitHostBackend from '@paved/plugin-githost-backend';
import eventsBackend from '@backstage/plugin-events-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import signalsBackend from '@backstage/plugin-signals-backend';
import pavedProvisioningBackend from '@paved/plugin-provisioning-backend';
import pavedDevexBackend from '@paved/plugin-devex-backend';
import { gitHostUrlReaderFactory } from '@paved/plugin-githost-node';
import pavedProvisioningBackendModuleSandbox from '@paved/plugin-provisioning-backend-module-sandbox';
import pavedCatalogBackendModuleProvisioning from '@paved/plugin-catalog-backend-module-provisioning';
import pavedScaffolderBackendModuleProvisioning from '@paved/plugin-scaffolder-backend-module-provisioning';
import { findRepoRoot } from '@paved/backend-platform';

const repoRoot = findRepoRoot(process.cwd());

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type ConfigObject = JsonObject;

/** `extra` laid over `base`, objects merged key by key (arrays and values replaced). */
function mergeConfig(base: ConfigObject, extra: ConfigObject): ConfigObject {
  const merged: ConfigObject = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      isObject(current) && isObject(value)
        ? mergeConfig(current, value)
        : value;
  }
  return merged;
}

function isObject(value: unknown): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface TestPortal {
  /** The backend's base URL, what `platform login --url` takes. */
  url: string;
  /** Where this portal's local git host, SQLite-free state and checkouts live. */
  dataDirectory: string;
  /**
   * A real token of a development sign-in, as the portal's sign-in page gets it: `guest` is Sam
   * Rivera (payments), `guest-platform` Priya Natarajan (platform team).
   */
  guestToken(provider?: 'guest' | 'guest-platform'): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A Paved portal for the CLI's tests: Backstage's real auth (guest sign-in, the OAuth server the
 * CLI signs in through, real user tokens), permissions with Paved's policy, the catalog with the
 * example organisation and the golden-path templates, the scaffolder with Paved's actions and
 * local git host, provisioning with the sandbox on the local PostgreSQL, and DevEx. Only logs,
 * caches, the scheduler and the plugins' own databases (in-memory SQLite) are test doubles.
 */
export async function startTestPortal(
  options: {
    features?: BackendFeature[];
    config?: ConfigObject;
    /** Replaces the quiet root logger, e.g. to record audit events (`isAuditEvent`). */
    rootLogger?: ServiceFactory<RootLoggerService, 'root'>;
  } = {},
): Promise<TestPortal> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-cli-'));
  fs.mkdirSync(path.join(dataDirectory, 'git'));

  // Backstage's own backend with its default services (real auth, permissions, HTTP, scheduler,
  // auditor, actions registry), except configuration, logs and the plugins' databases.
  const backend = createBackend();
  const features: Array<BackendFeature | Promise<{ default: BackendFeature }>> =
    [
      options.rootLogger ?? mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.database.factory(),
      gitHostUrlReaderFactory,
      mockServices.rootConfig.factory({
        data: mergeConfig(
          {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: url,
              listen: { port, host: '127.0.0.1' },
              reading: { allow: [{ host: `localhost:${port}` }] },
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: {
                      token: 'cli-test-ci-token',
                      subject: 'ci-tests',
                    },
                  },
                ],
              },
            },
            auth: {
              environment: 'development',
              providers: {
                guest: {
                  userEntityRef: 'user:default/sam.rivera',
                  dangerouslyAllowOutsideDevelopment: true,
                },
                'guest-platform': {
                  userEntityRef: 'user:default/priya.natarajan',
                  dangerouslyAllowOutsideDevelopment: true,
                },
              },
              clientIdMetadataDocuments: { enabled: true },
              experimentalRefreshToken: { enabled: true },
            },
            permission: { enabled: true },
            // As app-config.yaml: people and teams only from the organisation's own files.
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                    'Template',
                  ],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: path.join(repoRoot, 'catalog/org/groups.yaml'),
                  rules: [{ allow: ['Group'] }],
                },
                {
                  type: 'file',
                  target: path.join(repoRoot, 'catalog/org/users.yaml'),
                  rules: [{ allow: ['User'] }],
                },
                {
                  type: 'file',
                  target: path.join(repoRoot, 'catalog/all.yaml'),
                },
                {
                  type: 'file',
                  target: path.join(repoRoot, 'templates/all.yaml'),
                  rules: [{ allow: ['Template', 'Location'] }],
                },
              ],
            },
            scaffolder: {
              defaultAuthor: { name: 'Paved', email: 'paved@example.com' },
            },
            paved: {
              platformTeam: 'group:default/platform',
              dataDirectory,
              publish: { target: 'local' },
            },
            provisioning: {
              environments: {
                development: {
                  provider: 'sandbox',
                  sizes: ['small', 'medium'],
                  storageGB: { min: 1, max: 20 },
                },
                production: {
                  provider: 'sandbox',
                  sizes: ['small', 'medium', 'large'],
                  storageGB: { min: 10, max: 1000 },
                  requiresApproval: true,
                },
              },
              providers: {
                sandbox: {
                  connection:
                    process.env.PAVED_SANDBOX_POSTGRES_URL ??
                    'postgresql://postgres@127.0.0.1:5432/postgres',
                },
              },
            },
            devex: { demoData: { seed: false } },
            goldenPaths: { exampleData: { seed: false } },
            // Subscriptions long-poll the events hub; short polls let a stopping portal end at once.
            events: { notifyTimeoutMs: 2000 },
          },
          options.config ?? {},
        ),
      }),
      authBackend,
      pavedAuthBackendModulePavedSignIn,
      permissionBackend,
      pavedPermissionBackendModulePavedPolicy,
      catalogBackend,
      pavedCatalogBackendModuleTrustRules,
      catalogBackendModuleScaffolderEntityModel,
      pavedCatalogBackendModuleProvisioning,
      scaffolderBackend,
      pavedScaffolderBackendModuleGoldenPaths,
      pavedScaffolderBackendModuleProvisioning,
      pavedGoldenPathsBackend,
      pavedGitHostBackend,
      eventsBackend,
      notificationsBackend,
      signalsBackend,
      pavedProvisioningBackend,
      pavedProvisioningBackendModuleSandbox,
      pavedDevexBackend,
      ...(options.features ?? []),
    ];
  features.forEach(feature => backend.add(feature));
  try {
    await backend.start();
  } catch (error) {
    fs.rmSync(dataDirectory, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    dataDirectory,
    async guestToken(provider = 'guest') {
      const response = await fetch(
        `${url}/api/auth/${provider}/refresh?env=development`,
        { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
      );
      const body = await response.json();
      if (!response.ok || !body.backstageIdentity?.token) {
        throw new Error(
          `${provider} sign-in refused: HTTP ${
            response.status
          } ${JSON.stringify(body)}`,
        );
      }
      return body.backstageIdentity.token;
    },
    async stop() {
      await backend.stop();
      fs.rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** Waits until the catalog has processed an entity (the example org loads at start). */
export async function waitForEntity(
  portal: TestPortal,
  ref: string,
  timeoutMs = 60_000,
): Promise<void> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Until the catalog has read the organisation, the development sign-in has nobody to sign in.
    const token = await portal.guestToken().catch(() => undefined);
    const response = token
      ? await fetch(
          `${portal.url}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          { headers: { Authorization: `Bearer ${token}` } },
        )
      : undefined;
    if (response?.ok) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${ref} did not reach the catalog within ${timeoutMs} ms`);
}
