import {
  AuthService,
  DatabaseService,
  HttpAuthService,
  HttpRouterServiceAuthPolicy,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { PlatformSettings } from '@paved/backend-platform';
import { LocalGitHost } from '@paved/plugin-githost-node';
import {
  TeamMembership,
  readGoldenPathSettings,
} from '@paved/plugin-golden-paths-node';
import express from 'express';
import { KnexMergeRequestStore } from '../database/KnexMergeRequestStore';
import { MergeRequests } from '../mergeRequests/MergeRequests';
import { PushPermission } from '../permissions/PushPermission';
import { RepositoryBrowser } from '../repositories/RepositoryBrowser';
import { RepositoryOwners } from '../repositories/RepositoryOwners';
import { createGitSmartHttpRouter } from '../smartHttp/gitSmartHttpRouter';
import { createRouter } from './router';

/** Builds the plugin's parts from its dependencies; `plugin.ts` only wires. */
export async function buildGitHost(deps: {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  catalog: CatalogService;
  events: EventsService;
  platform: PlatformSettings;
  gitHost: LocalGitHost;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
}): Promise<{
  routers: express.Router[];
  authPolicies: HttpRouterServiceAuthPolicy[];
}> {
  const { config, logger, httpAuth, catalog, platform, gitHost } = deps;
  const { backendBaseUrl, committer } = readGoldenPathSettings(config);
  const appBaseUrl = config.getString('app.baseUrl');
  const owners = new RepositoryOwners({
    catalog,
    membership: new TeamMembership({
      catalog,
      platformTeam: platform.platformTeam,
    }),
    backendBaseUrl,
  });
  const mergeRequests = new MergeRequests({
    store: await KnexMergeRequestStore.create(deps.database),
    gitHost,
    owners,
    catalog,
    events: deps.events,
    auth: deps.auth,
    logger,
    committer,
    appBaseUrl,
  });
  const browser = new RepositoryBrowser({
    gitHost,
    owners,
    backendBaseUrl,
    appBaseUrl,
  });
  const pushPermission = new PushPermission({
    permissions: deps.permissions,
    permissionsRegistry: deps.permissionsRegistry,
    auth: deps.auth,
    owners,
    gitHost,
  });
  return {
    routers: [
      // First: git's binary protocol routes stream their bodies and bypass OpenAPI validation.
      createGitSmartHttpRouter({
        httpAuth,
        gitHost,
        logger,
        pushAccess: (repository, credentials) =>
          pushPermission.check(repository, credentials),
      }),
      await createRouter({ httpAuth, mergeRequests, browser }),
    ],
    authPolicies: [],
  };
}
