import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  DatabaseService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { readDurationFromConfig } from '@backstage/config';
import { PlatformSettings } from '@paved/backend-platform';
import {
  GITHOST_MERGE_REQUEST_TOPIC,
  mergeRequestEventSchema,
} from '@paved/plugin-githost-common';
import { LocalGitHost } from '@paved/plugin-githost-node';
import {
  TeamMembership,
  readGoldenPathSettings,
} from '@paved/plugin-golden-paths-node';
import { ChangeRequestRouter } from '../changeRequests/ChangeRequestService';
import { GitHubChangeRequests } from '../changeRequests/GitHubChangeRequests';
import { GitLabChangeRequests } from '../changeRequests/GitLabChangeRequests';
import {
  LocalGitHostChangeRequests,
  localChangeKey,
} from '../changeRequests/LocalGitHostChangeRequests';
import { seedExampleService } from '../examples/seedExampleService';
import { KnexUpgradeStore } from '../database/KnexUpgradeStore';
import { TemplateRenderer } from '../rendering/TemplateRenderer';
import { DriftReport } from '../upgrades/DriftReport';
import { TemplateUpgrader } from '../upgrades/TemplateUpgrader';
import { UpgradeNotifier } from '../upgrades/UpgradeNotifier';
import { UpgradeProposals } from '../upgrades/UpgradeProposals';
import { proposeOutdatedComponents } from '../upgrades/proposeOutdated';
import { RepositoryCheckouts } from '../upgrades/repositories';

/** The id of the development task that seeds the example service made at 1.0.0. */
export const EXAMPLE_DATA_TASK = 'golden-paths-example-data';

/** The id of the scheduled task that proposes upgrades (runs once across replicas). */
export const PROPOSE_UPGRADES_TASK = 'golden-paths-propose-upgrades';

/**
 * Builds template drift and upgrade proposals: the store, the renderer and upgrader, change
 * requests for each kind of repository, the merged/closed events of the local git host, and the
 * scheduled proposal run.
 */
export async function buildUpgrades(deps: {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  auth: AuthService;
  discovery: DiscoveryService;
  scheduler: SchedulerService;
  events: EventsService;
  notifications: NotificationService;
  reader: UrlReaderService;
  catalog: CatalogService;
  gitHost: LocalGitHost;
  platform: PlatformSettings;
}) {
  const { config, logger, auth, catalog, gitHost } = deps;
  const settings = readGoldenPathSettings(config);
  const integrations = ScmIntegrations.fromConfig(config);
  const store = await KnexUpgradeStore.create(deps.database);
  const renderer = new TemplateRenderer({
    reader: deps.reader,
    integrations,
    logger,
  });
  const upgrader = new TemplateUpgrader({
    renderer,
    committer: settings.committer,
  });
  const proposals = new UpgradeProposals({
    store,
    catalog,
    auth,
    membership: new TeamMembership({
      catalog,
      platformTeam: deps.platform.platformTeam,
    }),
    upgrader,
    checkouts: new RepositoryCheckouts({ gitHost, integrations }),
    changeRequests: new ChangeRequestRouter({
      local: new LocalGitHostChangeRequests({
        discovery: deps.discovery,
        auth,
      }),
      github: new GitHubChangeRequests(integrations),
      gitlab: new GitLabChangeRequests(integrations),
    }),
    notifier: new UpgradeNotifier({
      store,
      notifications: deps.notifications,
      logger,
    }),
    logger,
    backendBaseUrl: settings.backendBaseUrl,
  });
  const drift = new DriftReport({ catalog, store });

  await deps.events.subscribe({
    id: 'golden-paths-upgrades',
    topics: [GITHOST_MERGE_REQUEST_TOPIC],
    onEvent: async ({ eventPayload }) => {
      const parsed = mergeRequestEventSchema.safeParse(eventPayload);
      if (!parsed.success || parsed.data.action === 'opened') return;
      const { mergeRequest, action } = parsed.data;
      await proposals.changeRequestFinished({
        changeKey: localChangeKey(mergeRequest.repository, mergeRequest.id),
        action,
      });
    },
  });

  const upgrades = config.getOptionalConfig('goldenPaths.upgrades');
  const membership = new TeamMembership({
    catalog,
    platformTeam: deps.platform.platformTeam,
  });
  const runProposals = async () => {
    const started = Date.now();
    const run = await proposeOutdatedComponents({
      drift,
      store,
      proposals,
      auth,
      logger,
      concurrency: upgrades?.getOptionalNumber('concurrency'),
    });
    return { ...run, totalMs: Date.now() - started };
  };
  /** Starts the scheduled run by hand: members of the platform team only. */
  const runNow = async (
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => {
    if (
      !(await membership.mayActFor({
        userRef: credentials.principal.userEntityRef,
        ownerRefs: [],
        credentials,
      }))
    ) {
      throw new NotAllowedError(
        `${credentials.principal.userEntityRef} may not run upgrade proposals: only members of the platform team (${deps.platform.platformTeam}) may`,
      );
    }
    return runProposals();
  };
  if (upgrades?.getOptionalBoolean('enabled') ?? true) {
    await deps.scheduler.scheduleTask({
      id: PROPOSE_UPGRADES_TASK,
      frequency: upgrades?.has('frequency')
        ? readDurationFromConfig(upgrades.getConfig('frequency'))
        : { minutes: 30 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 2 },
      fn: async () => {
        await runProposals();
      },
    });
  }

  if (config.getOptionalBoolean('goldenPaths.exampleData.seed')) {
    await deps.scheduler.scheduleTask({
      id: EXAMPLE_DATA_TASK,
      frequency: { hours: 24 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 15 },
      fn: async () => {
        // The catalog reads the templates shortly after start; wait for it rather than a day.
        for (let attempt = 0; attempt < 30; attempt++) {
          const result = await seedExampleService({
            catalog,
            auth,
            gitHost,
            renderer,
            committer: settings.committer,
            backendBaseUrl: settings.backendBaseUrl,
            logger,
          });
          if (result !== 'template-missing') return;
          await new Promise(resolve => setTimeout(resolve, 10_000));
        }
        logger.warn(
          'Example data: the TypeScript golden path never appeared in the catalog; not seeded',
        );
      },
    });
  }

  return { store, renderer, proposals, drift, settings, runNow };
}
