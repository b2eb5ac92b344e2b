import express from 'express';
import Router from 'express-promise-router';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  databaseUnavailableHandler,
  nulCharacterGuard,
  violationsError,
  violationsFromZod,
} from '@paved/backend-platform';
import {
  DoraSeriesResponse,
  eventBatchSchema,
  surveyAnswerSchema,
} from '@paved/plugin-devex-common';
import { DoraStore } from '../database/DoraStore';
import { IngestStore } from '../database/IngestStore';
import { ChangesStore } from '../database/ChangesStore';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';
import { AvailabilityStore } from '../database/AvailabilityStore';
import { LevelBandSelection } from '../metrics/LevelBandSelection';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { DevexConfig } from '../config';
import { buildDoraReport, buildDoraSeries } from '../metrics/doraReport';
import { devexMeasures } from '../measures/devexMeasures';
import { PulseSurvey } from '../surveys/PulseSurvey';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { contractErrorHandler } from './contractErrors';
import { eventWriter } from './eventWriters';
import { githubWebhookHandler } from './githubWebhookRoute';
import { ImpactStore } from '../database/ImpactStore';
import { buildChangeFlowReport } from '../metrics/changeFlowReport';
import { goldenPathImpact } from '../metrics/goldenPathImpact';
import { QueryRules, groupParameter, resolveScope } from './queryParameters';
import { OnboardingStore } from '../database/OnboardingStore';
import { PeopleDirectory } from '../catalog/PeopleDirectory';
import { timeToOnboard } from '../metrics/timeToOnboard';
import { addPlatformMeasuresRoutes } from './platformMeasuresRoutes';
import { FeedbackCollector } from '../feedback/FeedbackCollector';

// 5,000 deployments with their commit lists; generous so a full batch is never cut off.
const BODY_LIMIT = '25mb';

const isUser = (
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> =>
  (credentials.principal as { type?: string }).type === 'user';

export interface RouterOptions {
  ingest: IngestStore;
  dora: DoraStore;
  changes: ChangesStore;
  impact: ImpactStore;
  measures: PlatformMeasuresStore;
  directory: ServiceDirectory;
  onboarding: OnboardingStore;
  people: PeopleDirectory;
  survey: PulseSurvey;
  feedbackCollector: FeedbackCollector;
  availability: AvailabilityStore;
  levelBands: LevelBandSelection;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  logger: LoggerService;
  config: DevexConfig;
}

/**
 * The DevEx HTTP API. Every request is validated against `src/schema/openapi.yaml` first; the
 * handlers add the rules a schema cannot state. The GitHub webhook is answered before any JSON
 * parser runs: GitHub signs the exact bytes it sent, and an unsigned body is not worth reading.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    ingest,
    dora,
    changes,
    impact,
    measures,
    directory,
    survey,
    httpAuth,
    userInfo,
    config,
  } = options;
  const router = Router();

  // Before the OpenAPI router: its JSON parser would read any body in full, unsigned or not.
  router.post(
    '/webhooks/github',
    githubWebhookHandler({ ingest, changes, directory, config }),
  );

  const api = await createOpenApiRouter({
    middleware: [express.json({ limit: BODY_LIMIT }), nulCharacterGuard()],
    // Every violation of a request is named, not only the first.
    // The discriminator checks an event against the shape its `type` names, and only that one.
    validatorOptions: {
      validateRequests: { allErrors: true, discriminator: true },
    },
  });

  api.post('/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const parsed = eventBatchSchema.safeParse(req.body);
    if (!parsed.success) {
      throw violationsError(violationsFromZod(parsed.error.issues));
    }
    const writer = await eventWriter({
      credentials,
      events: parsed.data.events,
      directory,
      userInfo,
    });
    const { accepted } = await ingest.ingest(parsed.data.events, {
      writer,
      receivedAt: Date.now(),
    });
    res.status(202).json({ accepted });
  });

  api.get('/dora', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    const { scope, services } = await resolveScope(rules, req.query, directory);
    const aggregates = await dora.doraAggregates(services, window);
    res.json(
      buildDoraReport({
        aggregates,
        window,
        scope,
        bandSet: await options.levelBands.current(),
      }),
    );
  });

  api.get('/dora/series', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    const tz = rules.timeZone(req.query.tz, 'tz');
    const { scope, services } = await resolveScope(rules, req.query, directory);
    const timeZone =
      tz ??
      (scope.kind === 'group'
        ? config.teamTimeZones.get(scope.group)
        : undefined) ??
      config.defaultTimeZone;
    const series = await buildDoraSeries({
      store: dora,
      scope: services,
      window,
      timeZone,
    });
    const body: DoraSeriesResponse = {
      scope,
      window: {
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
      },
      bucket: 'week',
      timeZone,
      points: series.points,
      sources: series.sources,
      demo: series.sources.includes('paved-demo'),
    };
    res.json(body);
  });

  api.get('/deployments', async (req, res) => {
    await httpAuth.credentials(req);
    const { services } = await resolveScope(
      new QueryRules(),
      req.query,
      directory,
    );
    res.json({
      items: await dora.listDeployments(services, {
        limit: req.query.limit ?? 50,
        environment: req.query.environment,
      }),
    });
  });

  api.get('/incidents', async (req, res) => {
    await httpAuth.credentials(req);
    const { services } = await resolveScope(
      new QueryRules(),
      req.query,
      directory,
    );
    res.json({
      items: await dora.listIncidents(services, {
        limit: req.query.limit ?? 50,
      }),
    });
  });

  api.get('/devex/measures', async (req, res) => {
    await httpAuth.credentials(req);
    const { services } = await resolveScope(
      new QueryRules(),
      req.query,
      directory,
    );
    res.json(
      await devexMeasures({
        dora,
        measures,
        directory,
        services: services.services,
      }),
    );
  });

  api.post('/surveys', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const parsed = surveyAnswerSchema.safeParse(req.body);
    if (!parsed.success) {
      throw violationsError(violationsFromZod(parsed.error.issues));
    }
    res
      .status(201)
      .json(
        await survey.submit(credentials.principal.userEntityRef, parsed.data),
      );
  });

  api.get('/surveys/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    rules.done();
    const userRef = isUser(credentials)
      ? credentials.principal.userEntityRef
      : undefined;
    res.json(await survey.summary(window, { userRef }));
  });

  api.get('/changes', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    const { scope, services } = await resolveScope(rules, req.query, directory);
    const flow = await changes.changeFlow(services, window);
    res.json(buildChangeFlowReport({ flow, scope, window }));
  });

  api.get('/impact', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    const { scope, services } = await resolveScope(
      rules,
      { group: req.query.group },
      directory,
    );
    res.json(
      await goldenPathImpact({
        impact,
        dora,
        measures,
        directory,
        scope,
        services: services.services,
        window,
        minimumSamples: config.impactMinimumSamples,
      }),
    );
  });

  api.get('/onboarding', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    const group = groupParameter(rules, req.query.group);
    rules.done();
    const teams = group ? await directory.teamWithSubTeams(group) : null;
    res.json(
      await timeToOnboard({
        store: options.onboarding,
        people: await options.people.people(),
        teams,
        group: group ?? null,
        window,
        now: Date.now(),
      }),
    );
  });

  addPlatformMeasuresRoutes(api, {
    feedback: options.feedbackCollector,
    availability: options.availability,
    levelBands: options.levelBands,
    measures,
    httpAuth,
    config,
  });

  router.use(api);
  router.use(contractErrorHandler());
  // A database restart or failover answers 503 (retry), not 500: nothing was stored.
  router.use(databaseUnavailableHandler());
  return router;
}
