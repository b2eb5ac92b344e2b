import {
  AuthService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
  UserInfoService,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type { PlatformSettings } from '@paved/backend-platform';
import {
  AdmissionPolicyEvaluator,
  FactCollector,
  loadAdmissionPolicies,
  ScorecardFixer,
} from '@paved/plugin-scorecards-node';
import { readScorecardsConfig } from '../config';
import { createStores } from '../database';
import { DefinitionsLoader } from '../checks/DefinitionsLoader';
import { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import { FactCollection } from '../facts/FactCollection';
import { CatalogFactCollector } from '../facts/CatalogFactCollector';
import { RepositoryFactCollector } from '../facts/RepositoryFactCollector';
import { DoraFactCollector } from '../facts/DoraFactCollector';
import { ProvisioningFactCollector } from '../facts/ProvisioningFactCollector';
import { GoldenPathFactCollector } from '../facts/GoldenPathFactCollector';
import { Fixes } from '../fixes/Fixes';
import { TemplateFixer } from '../fixes/TemplateFixer';
import { GoldenPathUpgradeFixer } from '../fixes/GoldenPathUpgradeFixer';
import { Exemptions } from '../exemptions/Exemptions';
import { Campaigns } from '../campaigns/Campaigns';
import { PushedFacts } from '../policy/PushedFacts';
import { createRouter } from './router';
import { scheduleBackgroundWork } from './backgroundWork';
import { measureCreatedServices } from './serviceCreated';

export interface ScorecardsDeps {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  discovery: DiscoveryService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  urlReader: UrlReaderService;
  catalog: CatalogService;
  events: EventsService;
  notifications: NotificationService;
  platform: PlatformSettings;
}

/**
 * Builds the plugin from its services and what modules contributed (collectors, fixers):
 * the stores, collectors, engine, fixes, exemptions, campaigns, the router and the schedule.
 */
export async function buildScorecards(
  deps: ScorecardsDeps,
  contributed: { collectors: FactCollector[]; fixers: ScorecardFixer[] },
) {
  const config = readScorecardsConfig(deps.config);
  const stores = await createStores(deps.database);
  const definitions = new DefinitionsLoader({
    files: config.definitions,
    inlineChecks: config.inlineChecks,
    inlineScorecards: config.inlineScorecards,
    urlReader: deps.urlReader,
    logger: deps.logger,
  });
  // Fails start-up on a broken definitions file or policy: better than scoring on half the rules.
  await definitions.load();
  const policies = AdmissionPolicyEvaluator.create(
    await loadAdmissionPolicies(config.policiesDirectory),
  );
  const engine = new ScorecardsEngine({
    stores,
    definitions,
    logger: deps.logger,
  });
  const http = { discovery: deps.discovery, auth: deps.auth };
  const collection = new FactCollection({
    catalog: deps.catalog,
    auth: deps.auth,
    logger: deps.logger,
    stores,
    entityKinds: config.entityKinds,
    collectors: [
      new CatalogFactCollector(deps.catalog, deps.auth),
      new RepositoryFactCollector(deps.urlReader, stores.facts),
      new DoraFactCollector(http),
      new ProvisioningFactCollector(http),
      new GoldenPathFactCollector(deps.catalog, deps.auth),
      ...contributed.collectors,
    ],
  });
  const fixes = new Fixes(
    {
      stores,
      engine,
      collection,
      catalog: deps.catalog,
      auth: deps.auth,
      logger: deps.logger,
    },
    [
      ...config.templateFixers.map(f => new TemplateFixer(f, http)),
      new GoldenPathUpgradeFixer(http),
      ...contributed.fixers,
    ],
  );
  const exemptions = new Exemptions({
    stores,
    engine,
    catalog: deps.catalog,
    auth: deps.auth,
    userInfo: deps.userInfo,
    notifications: deps.notifications,
    logger: deps.logger,
    platformTeam: deps.platform.platformTeam,
  });
  const campaigns = new Campaigns({
    stores,
    engine,
    notifications: deps.notifications,
    logger: deps.logger,
    reminderDays: config.campaignReminderDays,
  });
  const router = await createRouter({
    stores,
    engine,
    collection,
    fixes,
    exemptions,
    campaigns,
    pushedFacts: new PushedFacts(stores.facts, policies),
    policies,
    catalog: deps.catalog,
    auth: deps.auth,
    httpAuth: deps.httpAuth,
    permissions: deps.permissions,
    logger: deps.logger,
    entityKinds: config.entityKinds,
  });
  await measureCreatedServices({ ...deps, collection, engine });
  await scheduleBackgroundWork({
    scheduler: deps.scheduler,
    logger: deps.logger,
    engine,
    collection,
    fixes,
    campaigns,
    catalogSyncMinutes: config.catalogSyncMinutes,
    refreshMinutes: config.refreshMinutes,
  });
  return { router, stores, engine, collection, fixes, campaigns };
}
