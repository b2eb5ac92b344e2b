import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { z } from 'zod/v3';
import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AuthenticationError, InputError } from '@backstage/errors';
import {
  DoraScope,
  DoraSeriesResponse,
  eventBatchSchema,
  formatIssuePath,
  surveyDataSchema,
} from '@paved/plugin-devex-common';
import { DoraStore, ServiceScope, TimeWindow } from '../database/DoraStore';
import { IngestStore } from '../database/IngestStore';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { DevexConfig } from '../config';
import { buildDoraReport, buildDoraSeries } from '../metrics/doraReport';
import { devexMeasures } from '../measures/devexMeasures';
import { PulseSurvey } from '../surveys/PulseSurvey';
import { isValidGithubSignature } from '../ingest/githubSignature';
import { mapGithubDelivery } from '../ingest/githubDeliveries';
import { databaseUnavailableHandler } from '@paved/backend-platform';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;
const MAX_WINDOW_DAYS = 3 * 366;
// 5,000 deployments with their commit lists; generous so a full batch is never cut off.
const BODY_LIMIT = '25mb';

export interface RouterOptions {
  ingest: IngestStore;
  dora: DoraStore;
  measures: PlatformMeasuresStore;
  directory: ServiceDirectory;
  survey: PulseSurvey;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  config: DevexConfig;
}

function firstIssue(error: z.ZodError, prefix?: string): InputError {
  const issue = error.issues[0];
  const path = formatIssuePath(prefix ? [prefix, ...issue.path] : issue.path);
  return new InputError(`${path || 'body'} ${issue.message}`);
}

function optionalString(
  query: express.Request['query'],
  name: string,
): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(`${name} must be given once, as a non-empty string`);
  }
  return value;
}

function parseRef(value: string, name: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultNamespace: DEFAULT_NAMESPACE }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `${name} must be an entity ref such as component:default/payments-api`,
    );
  }
}

function parseTime(
  value: string | undefined,
  name: string,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid)
    throw new InputError(`${name} must be an RFC 3339 timestamp`);
  return parsed.toMillis();
}

function parseWindow(query: express.Request['query']): TimeWindow {
  const to = parseTime(optionalString(query, 'to'), 'to') ?? Date.now();
  const from =
    parseTime(optionalString(query, 'from'), 'from') ??
    to - DEFAULT_WINDOW_DAYS * DAY_MS;
  if (from >= to) throw new InputError('from must be before to');
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
    throw new InputError(
      `the window from..to must not exceed ${MAX_WINDOW_DAYS} days`,
    );
  }
  return { from, to };
}

function parseLimit(query: express.Request['query']): number {
  const raw = optionalString(query, 'limit');
  if (raw === undefined) return 50;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new InputError('limit must be an integer between 1 and 500');
  }
  return limit;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    ingest,
    dora,
    measures,
    directory,
    survey,
    httpAuth,
    logger,
    config,
  } = options;
  const router = Router();

  /** entityRef | group | neither (organisation); a group ref in entityRef means the group. */
  async function resolveScope(
    query: express.Request['query'],
  ): Promise<{ scope: DoraScope; services: ServiceScope }> {
    const entityRef = optionalString(query, 'entityRef');
    const group = optionalString(query, 'group');
    if (entityRef && group)
      throw new InputError('entityRef and group must not be given together');
    let groupRef = group ? parseRef(group, 'group') : undefined;
    if (
      !groupRef &&
      entityRef &&
      parseRef(entityRef, 'entityRef').startsWith('group:')
    ) {
      groupRef = parseRef(entityRef, 'entityRef');
    }
    if (group && !groupRef!.startsWith('group:')) {
      throw new InputError(
        'group must be a group entity ref such as group:default/payments',
      );
    }
    if (groupRef) {
      const services = await directory.servicesOwnedBy(groupRef);
      return {
        scope: { kind: 'group', group: groupRef, services },
        services: { services },
      };
    }
    if (entityRef) {
      const ref = parseRef(entityRef, 'entityRef');
      return {
        scope: { kind: 'entity', entityRef: ref },
        services: { services: [ref] },
      };
    }
    return { scope: { kind: 'organization' }, services: {} };
  }

  // GitHub signs the exact bytes it sent, so this route reads the raw body before any JSON parser.
  router.post(
    '/webhooks/github',
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    async (req, res) => {
      const raw: Buffer = Buffer.isBuffer(req.body)
        ? req.body
        : Buffer.alloc(0);
      if (
        !isValidGithubSignature(
          config.githubWebhookSecret,
          raw,
          req.headers['x-hub-signature-256'],
        )
      ) {
        throw new AuthenticationError('missing or invalid X-Hub-Signature-256');
      }
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new InputError('body must be JSON');
      }
      const eventName = String(req.headers['x-github-event'] ?? '');
      const result = await mapGithubDelivery(eventName, payload, {
        async serviceFor(repository) {
          const known = await directory.componentForRepository(repository);
          // Kept under a guessed ref until the catalog knows the repository.
          return (
            known ??
            `component:default/${repository
              .split('/')
              .pop()!
              .toLocaleLowerCase('en-US')}`
          );
        },
        pushedCommits: (repository, until) =>
          ingest.pushedCommits(repository, until, 500),
        recordPushedCommits: (repository, commits) =>
          ingest.recordPushedCommits(repository, commits),
        deploymentWorkflows: config.deploymentWorkflows,
        productionEnvironments: config.productionEnvironments,
      });
      if (result.kind === 'ignored') {
        res.status(202).json({ accepted: 0, ignored: result.reason });
        return;
      }
      const checked = eventBatchSchema.safeParse({ events: result.events });
      if (result.events.length > 0) {
        if (!checked.success) throw firstIssue(checked.error);
        await ingest.ingest(checked.data.events, Date.now());
      }
      res.status(202).json({ accepted: result.events.length });
    },
  );

  router.use(express.json({ limit: BODY_LIMIT }));

  router.post('/events', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const parsed = eventBatchSchema.safeParse(req.body);
    if (!parsed.success) throw firstIssue(parsed.error);
    const result = await ingest.ingest(parsed.data.events, Date.now());
    res.status(202).json(result);
  });

  router.get('/dora', async (req, res) => {
    await httpAuth.credentials(req);
    const window = parseWindow(req.query);
    const { scope, services } = await resolveScope(req.query);
    const aggregates = await dora.doraAggregates(services, window);
    res.json(
      buildDoraReport({ aggregates, window, scope, bands: config.bands }),
    );
  });

  router.get('/dora/series', async (req, res) => {
    await httpAuth.credentials(req);
    const bucket = optionalString(req.query, 'bucket') ?? 'week';
    if (bucket !== 'week') throw new InputError('bucket must be "week"');
    const window = parseWindow(req.query);
    const { scope, services } = await resolveScope(req.query);
    const tz = optionalString(req.query, 'tz');
    if (tz && !DateTime.local().setZone(tz).isValid) {
      throw new InputError(
        'tz must be an IANA time zone such as Europe/Berlin',
      );
    }
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

  router.get('/deployments', async (req, res) => {
    await httpAuth.credentials(req);
    const limit = parseLimit(req.query);
    const environment = optionalString(req.query, 'environment');
    const { services } = await resolveScope(req.query);
    res.json({
      items: await dora.listDeployments(services, { limit, environment }),
    });
  });

  router.get('/incidents', async (req, res) => {
    await httpAuth.credentials(req);
    const limit = parseLimit(req.query);
    const { services } = await resolveScope(req.query);
    res.json({ items: await dora.listIncidents(services, { limit }) });
  });

  router.get('/devex/measures', async (req, res) => {
    await httpAuth.credentials(req);
    const { services } = await resolveScope(req.query);
    res.json(
      await devexMeasures({
        dora,
        measures,
        directory,
        services: services.services,
      }),
    );
  });

  router.post('/surveys', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const parsed = surveyDataSchema
      .pick({ score: true, comment: true })
      .strict('only score and comment may be sent')
      .safeParse(req.body);
    if (!parsed.success) throw firstIssue(parsed.error);
    const result = await survey.submit(
      credentials.principal.userEntityRef,
      parsed.data,
    );
    res.status(201).json(result);
  });

  router.get('/surveys/summary', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await survey.summary(parseWindow(req.query)));
  });

  logger.debug('devex router ready');
  // A database restart or failover answers 503 (retry), not 500: nothing was stored.
  router.use(databaseUnavailableHandler());
  return router;
}
