import {
  AuditorService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { provisioningPermissions } from '@paved/plugin-provisioning-common';
import type { PlatformSettings } from '@paved/backend-platform';
import express from 'express';
import { readProvisioningSettings } from '../config';
import {
  KnexApprovalStore,
  KnexDatabaseOperationStore,
  KnexDatabaseRequestStore,
  KnexRequestSecretStore,
} from '../database';
import { OperationLifecycle } from '../lifecycle/OperationLifecycle';
import { OperationGuardrails } from '../policy/OperationGuardrails';
import { OperationProcessor } from '../processing/OperationProcessor';
import { SnapshotJanitor } from '../processing/SnapshotJanitor';
import { RequestLifecycle } from '../lifecycle/RequestLifecycle';
import {
  provisioningRequestResourceRef,
  provisioningRequestRules,
} from '../permissions';
import { ApprovalPolicy } from '../policy/ApprovalPolicy';
import { RequestGuardrails } from '../policy/RequestGuardrails';
import { ExpiryMonitor } from '../processing/ExpiryMonitor';
import { RequestProcessor } from '../processing/RequestProcessor';
import { ProviderRegistry } from '../providers/ProviderRegistry';
import { RequestDrift } from '../providers/RequestDrift';
import type { DatabaseProviderRegistration } from '@paved/plugin-provisioning-node';
import { estimateCost } from '@paved/plugin-provisioning-common';
import { createRouter } from './router';

export interface ProvisioningServiceDeps {
  config: RootConfigService;
  platform: PlatformSettings;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  auditor: AuditorService;
  catalog: CatalogService;
  notifications: NotificationService;
  signals: SignalsService;
  events: EventsService;
  /** What modules added through `provisioningProvidersExtensionPoint`. */
  providerRegistrations: DatabaseProviderRegistration[];
}

/** Builds the provisioning backend from its services: store, providers, processing, router. */
export async function createProvisioningService(
  deps: ProvisioningServiceDeps,
): Promise<{ router: express.Router }> {
  const settings = readProvisioningSettings(deps.config, deps.platform);
  const store = await KnexDatabaseRequestStore.create({
    database: deps.database,
  });
  const db = await deps.database.getClient();
  // Requests filed before costs were stored are priced once, with today's price table.
  const priced = await store.priceUnpriced(request =>
    estimateCost(
      settings.prices,
      request.provider,
      request.size,
      request.storageGB,
    ),
  );
  if (priced > 0) {
    deps.logger.info(`Priced ${priced} earlier database requests`);
  }
  const approvalStore = new KnexApprovalStore(db);
  const operations = new KnexDatabaseOperationStore(db);
  const secrets = await KnexRequestSecretStore.create({
    db,
    encryptionKey: settings.encryptionKey,
  });
  if (!settings.encryptionKey) {
    deps.logger.warn(
      'provisioning.secrets.encryptionKey is not set: secrets are encrypted with a key generated into the plugin database (fine for development only)',
    );
  }

  deps.permissionsRegistry.addResourceType({
    resourceRef: provisioningRequestResourceRef,
    permissions: provisioningPermissions,
    rules: Object.values(provisioningRequestRules),
    getResources: async ids => Promise.all(ids.map(id => store.getRequest(id))),
  });

  const lifecycle = new RequestLifecycle({
    store,
    auditor: deps.auditor,
    logger: deps.logger,
    notifications: deps.notifications,
    signals: deps.signals,
    events: deps.events,
    platformTeam: settings.policy.platformTeam,
  });
  const providers = await ProviderRegistry.create({
    registrations: deps.providerRegistrations,
    used: settings.policy.environments.flatMap(e => e.allowedProviders),
    logger: deps.logger,
  });
  const processor = new RequestProcessor({
    store,
    secrets,
    lifecycle,
    providers,
    logger: deps.logger,
    settings: settings.processing,
  });
  const guardrails = new RequestGuardrails({
    policy: settings.policy,
    prices: settings.prices,
    catalog: deps.catalog,
    providerEngines: id => providers.engines(id),
    providerAdmission: async request => {
      let provider;
      try {
        provider = providers.get(request.provider, request.type);
      } catch {
        // An unavailable provider is reported when the request is processed.
        return [];
      }
      return (await provider.admit?.(request)) ?? [];
    },
  });
  const operationGuardrails = new OperationGuardrails({
    guardrails,
    requests: store,
    operations,
    providers,
  });
  const operationLifecycle = new OperationLifecycle({
    store: operations,
    auditor: deps.auditor,
    logger: deps.logger,
    notifications: deps.notifications,
    signals: deps.signals,
    events: deps.events,
    platformTeam: settings.policy.platformTeam,
  });
  const operationProcessor = new OperationProcessor({
    operations,
    requests: store,
    secrets,
    lifecycle: operationLifecycle,
    guardrails: operationGuardrails,
    providers,
    logger: deps.logger,
    settings: settings.processing,
    operationSettings: settings.operations,
  });
  const snapshots = new SnapshotJanitor({
    operations,
    requests: store,
    secrets,
    providers,
    logger: deps.logger,
  });
  const expiry = new ExpiryMonitor({
    store,
    lifecycle,
    logger: deps.logger,
    settings: settings.expiry,
  });

  await deps.scheduler.scheduleTask({
    id: 'provisioning-process-requests',
    frequency: { seconds: settings.processing.frequencySeconds },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 3 },
    fn: async () => {
      await processor.processDue();
    },
  });
  await deps.scheduler.scheduleTask({
    id: 'provisioning-process-operations',
    frequency: { seconds: settings.processing.frequencySeconds },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 4 },
    fn: async () => {
      await operationProcessor.processDue();
    },
  });
  await deps.scheduler.scheduleTask({
    id: 'provisioning-remove-snapshots',
    frequency: { minutes: 10 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      await snapshots.run();
    },
  });
  await deps.scheduler.scheduleTask({
    id: 'provisioning-expire-requests',
    frequency: { seconds: settings.expiry.frequencySeconds },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    fn: () => expiry.run(),
  });

  const router = await createRouter({
    store,
    secrets,
    drift: new RequestDrift({ providers, secrets, logger: deps.logger }),
    lifecycle,
    guardrails,
    approvalStore,
    approvals: new ApprovalPolicy({
      policy: settings.policy,
      store: approvalStore,
      claimsOf: approver => guardrails.claimsOf(approver),
    }),
    operationGuardrails,
    operations: {
      operations,
      lifecycle: operationLifecycle,
      kick: ids => {
        operationProcessor
          .processNow(ids)
          .catch(error =>
            deps.logger.warn(
              `Immediate processing of operations ${ids.join(', ')} failed: ${
                error.message
              }`,
            ),
          );
      },
    },
    httpAuth: deps.httpAuth,
    userInfo: deps.userInfo,
    permissions: deps.permissions,
    auditor: deps.auditor,
    logger: deps.logger,
    ruleset: deps.permissionsRegistry.getPermissionRuleset(
      provisioningRequestResourceRef,
    ),
    kick: ids => {
      processor
        .processNow(ids)
        .catch(error =>
          deps.logger.warn(
            `Immediate processing of ${ids.join(', ')} failed: ${
              error.message
            }`,
          ),
        );
    },
  });
  return { router };
}
