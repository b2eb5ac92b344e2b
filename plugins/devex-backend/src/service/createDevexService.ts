import {
  AuthService,
  DatabaseService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PlatformSettings } from '@paved/backend-platform';
import express from 'express';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { PeopleDirectory } from '../catalog/PeopleDirectory';
import { readDevexConfig } from '../config';
import { createDevexStores } from '../database/createDevexStores';
import { subscribeToPlatformTopics } from '../ingest/platformTopics';
import { PulseSurvey } from '../surveys/PulseSurvey';
import { FeedbackCollector } from '../feedback/FeedbackCollector';
import { LevelBandSelection } from '../metrics/LevelBandSelection';
import { scheduleAvailabilityProbe } from '../availability/scheduleAvailabilityProbe';
import { scheduleBackgroundWork } from './backgroundWork';
import { createRouter } from './router';

export interface DevexServiceDeps {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  auth: AuthService;
  scheduler: SchedulerService;
  discovery: DiscoveryService;
  catalog: CatalogService;
  events: EventsService;
  notifications: NotificationService;
  platform: PlatformSettings;
}

/**
 * Builds the DevEx backend from its services: stores, the catalog view, the pulse survey, the
 * subscriptions to the platform's events, scheduled work and the router.
 */
export async function createDevexService(
  deps: DevexServiceDeps,
): Promise<{ router: express.Router }> {
  const config = readDevexConfig(deps.config);
  const stores = await createDevexStores({ database: deps.database });
  const directory = new ServiceDirectory({
    catalog: deps.catalog,
    auth: deps.auth,
    logger: deps.logger,
    cacheMs: config.catalogCacheMs,
  });
  const people = new PeopleDirectory({
    catalog: deps.catalog,
    auth: deps.auth,
    cacheMs: config.catalogCacheMs,
  });
  const survey = new PulseSurvey({
    surveys: stores.surveys,
    directory,
    notifications: deps.notifications,
    logger: deps.logger,
    pseudonymSecret:
      config.pseudonymSecret ??
      (await stores.measures.installationKey('survey-pseudonym')),
    platformTeam: deps.platform.platformTeam,
    minimumRespondents: config.minimumRespondents,
    minimumWindowDays: config.minimumWindowDays,
    period: config.surveyPeriod,
  });
  const feedbackCollector = new FeedbackCollector({
    store: stores.feedback,
    directory,
    notifications: deps.notifications,
    logger: deps.logger,
    platformTeam: deps.platform.platformTeam,
    allowance: { windowMs: 3_600_000, maxPerWindow: config.feedbackPerHour },
  });
  const levelBands = new LevelBandSelection({
    settings: stores.settings,
    directory,
    platformTeam: deps.platform.platformTeam,
    defaultReport: config.bandReport,
    overrides: config.bandOverrides,
  });
  await subscribeToPlatformTopics({
    events: deps.events,
    measures: stores.measures,
    logger: deps.logger,
  });
  await scheduleBackgroundWork({
    scheduler: deps.scheduler,
    ingest: stores.ingest,
    surveys: stores.surveys,
    measures: stores.measures,
    onboarding: stores.onboarding,
    directory,
    people,
    logger: deps.logger,
    seedDemoData: config.seedDemoData,
  });
  await scheduleAvailabilityProbe({
    scheduler: deps.scheduler,
    discovery: deps.discovery,
    store: stores.availability,
    logger: deps.logger,
    probeUrl: config.availabilityProbeUrl,
  });
  const router = await createRouter({
    ...stores,
    directory,
    people,
    survey,
    feedbackCollector,
    levelBands,
    httpAuth: deps.httpAuth,
    userInfo: deps.userInfo,
    logger: deps.logger,
    config,
  });
  return { router };
}
