import express from 'express';
import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  databaseUnavailableHandler,
  normaliseGroupRef,
  nulCharacterGuard,
  violationsError,
  violationsFromZod,
} from '@paved/backend-platform';
import {
  createCampaignRequestSchema,
  createExemptionRequestSchema,
  EntityScorecardsResponse,
  isBelow,
  pushFactsRequestSchema,
  reviewExemptionRequestSchema,
  ScorecardLevel,
  scorecardsCampaignManagePermission,
  scorecardsExemptionCreatePermission,
  scorecardsExemptionReviewPermission,
  scorecardsFixStartPermission,
  updateCampaignRequestSchema,
} from '@paved/plugin-scorecards-common';
import type { AdmissionPolicyEvaluator } from '@paved/plugin-scorecards-node';
import { z } from 'zod/v3';
import type { ScorecardsStores } from '../database';
import type { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import type { FactCollection } from '../facts/FactCollection';
import type { Fixes } from '../fixes/Fixes';
import type { Exemptions } from '../exemptions/Exemptions';
import type { Campaigns } from '../campaigns/Campaigns';
import type { PushedFacts } from '../policy/PushedFacts';
import { openApiErrorFormat } from './openApiErrors';
import {
  checksView,
  entityScorecards,
  factsAndExemptions,
  summaryOf,
  teamView,
} from './views';
import { ORGANIZATION_SCOPE, dayOf } from '../evaluation/rollups';

export interface RouterOptions {
  stores: ScorecardsStores;
  engine: ScorecardsEngine;
  collection: FactCollection;
  fixes: Fixes;
  exemptions: Exemptions;
  campaigns: Campaigns;
  pushedFacts: PushedFacts;
  policies: AdmissionPolicyEvaluator;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  entityKinds: string[];
  now?: () => Date;
}

function parseBody<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  body: unknown,
): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success)
    throw violationsError(violationsFromZod(result.error.issues));
  return result.data;
}

const DAY = 86_400_000;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { stores, engine, collection, httpAuth, permissions, catalog } =
    options;
  const now = () => options.now?.() ?? new Date();
  const router = (await createOpenApiRouter({
    middleware: [express.json({ limit: '5mb' }), nulCharacterGuard()],
    validatorOptions: {
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  })) as unknown as express.Router;

  async function authorize(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`permission ${permission.name} is denied`);
    }
  }

  function entityRefOf(params: Record<string, string>): string {
    return stringifyEntityRef({
      kind: params.kind,
      namespace: params.namespace,
      name: params.name,
    }).toLocaleLowerCase('en-US');
  }

  function days(query: express.Request['query']): string {
    const count = typeof query.days === 'string' ? Number(query.days) : 90;
    return dayOf(new Date(now().getTime() - count * DAY));
  }

  async function entityView(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecardsResponse> {
    let tracked = await stores.entities.getEntity(entityRef);
    if (!tracked) {
      // Not seen by the catalog sync yet (e.g. created a moment ago): measured on first view.
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      const kind = entityRef.slice(0, entityRef.indexOf(':'));
      if (!entity || !options.entityKinds.includes(kind)) {
        throw new NotFoundError(`${entityRef} is not measured by scorecards`);
      }
      await collection.track(entity);
      tracked = await stores.entities.getEntity(entityRef);
    }
    const [{ definitions, facts, exemptions, ...outcome }, fixes] =
      await Promise.all([
        engine.evaluateNow(entityRef),
        stores.fixes.latestFor(entityRef),
      ]);
    return {
      entityRef,
      title: tracked?.title,
      owner: tracked?.owner,
      evaluatedAt: tracked?.evaluatedAt
        ? new Date(tracked.evaluatedAt).toISOString()
        : undefined,
      scorecards: entityScorecards(outcome, definitions, fixes, id =>
        options.fixes.summary(id),
      ),
      ...factsAndExemptions(facts, exemptions),
    };
  }

  router.get('/checks', async (req, res) => {
    await httpAuth.credentials(req);
    const [definitions, entities] = await Promise.all([
      engine.definitions(),
      stores.entities.listEntities({}),
    ]);
    res.json(checksView(definitions, entities, options.fixes.summaries()));
  });

  router.get('/policies', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({
      items: options.policies
        .policies()
        .map(({ name, title }) => ({ name, title })),
    });
  });

  router.get('/entities', async (req, res) => {
    await httpAuth.credentials(req);
    const owners = ([] as string[])
      .concat((req.query.owner as string[] | string | undefined) ?? [])
      .map(o => o.toLocaleLowerCase('en-US'));
    const below = req.query.below as ScorecardLevel | undefined;
    const definitions = await engine.definitions();
    const scorecardId =
      (req.query.scorecard as string | undefined) ??
      definitions.scorecards[0]?.id;
    let entities = await stores.entities.listEntities(
      owners.length ? { owners } : {},
    );
    if (below) {
      entities = entities.filter(
        e =>
          e.evaluatedAt !== undefined &&
          scorecardId in e.levels &&
          isBelow(e.levels[scorecardId], below),
      );
    }
    res.json({ items: entities.map(summaryOf) });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await entityView(entityRefOf(req.params), credentials));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = entityRefOf(req.params);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    await collection.track(entity);
    await engine.evaluateStale();
    res.json(await entityView(entityRef, credentials));
  });

  router.post(
    '/entities/:kind/:namespace/:name/checks/:checkId/fix',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await authorize(scorecardsFixStartPermission, credentials);
      const attempt = await options.fixes.start(
        entityRefOf(req.params),
        req.params.checkId,
        credentials,
      );
      res.status(201).json(attempt);
    },
  );

  router.get('/teams/:ref', async (req, res) => {
    await httpAuth.credentials(req);
    let team: string;
    try {
      team = normaliseGroupRef(req.params.ref);
    } catch {
      throw violationsError([
        {
          field: 'ref',
          problem: 'must be a group entity ref such as group:default/payments',
          rule: 'entity-ref',
        },
      ]);
    }
    const [definitions, entities, history] = await Promise.all([
      engine.definitions(),
      stores.entities.listEntities({ owners: [team] }),
      stores.entities.rollupHistory(team, days(req.query)),
    ]);
    res.json(teamView(team, entities, history, definitions, now()));
  });

  router.get('/organization', async (req, res) => {
    await httpAuth.credentials(req);
    const [definitions, entities, history] = await Promise.all([
      engine.definitions(),
      stores.entities.listEntities({}),
      stores.entities.rollupHistory(ORGANIZATION_SCOPE, days(req.query)),
    ]);
    const { rollups } = teamView(
      ORGANIZATION_SCOPE,
      entities,
      history,
      definitions,
      now(),
    );
    const owners = [
      ...new Set(entities.map(e => e.owner).filter((o): o is string => !!o)),
    ].sort();
    const teams = owners.map(team => {
      const own = entities.filter(e => e.owner === team);
      return {
        team,
        entities: own.length,
        rollups: teamView(team, own, [], definitions, now()).rollups.map(
          ({ scorecardId, levels, passRate }) => ({
            scorecardId,
            levels,
            passRate,
          }),
        ),
      };
    });
    res.json({ rollups, teams });
  });

  router.post('/facts', async (req, res) => {
    // CI's static token (backend.auth.externalAccess) or another plugin; never a user, whose
    // own report of their coverage would be worth nothing.
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    if (credentials.principal.type !== 'service') {
      throw new NotAllowedError(
        'Facts are reported by CI with a service token, not by users',
      );
    }
    const body = parseBody(pushFactsRequestSchema, req.body);
    res.json(await options.pushedFacts.record(body, now()));
  });

  router.get('/exemptions', async (req, res) => {
    await httpAuth.credentials(req);
    const entityRef = (
      req.query.entityRef as string | undefined
    )?.toLocaleLowerCase('en-US');
    const status = req.query.status as any;
    const items = await stores.exemptions.list({
      entityRefs: entityRef ? [entityRef] : undefined,
      statuses: status ? [status] : undefined,
    });
    res.json({ items });
  });

  router.post('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(scorecardsExemptionCreatePermission, credentials);
    const body = parseBody(createExemptionRequestSchema, req.body);
    res.status(201).json(await options.exemptions.request(body, credentials));
  });

  router.get('/exemptions/:id', async (req, res) => {
    await httpAuth.credentials(req);
    const exemption = await stores.exemptions.get(req.params.id);
    if (!exemption)
      throw new NotFoundError(`No exemption with id ${req.params.id}`);
    res.json(exemption);
  });

  router.post('/exemptions/:id/review', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(scorecardsExemptionReviewPermission, credentials);
    const body = parseBody(reviewExemptionRequestSchema, req.body);
    res.json(await options.exemptions.review(req.params.id, body, credentials));
  });

  router.delete('/exemptions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await options.exemptions.withdraw(req.params.id, credentials);
    res.status(204).end();
  });

  async function campaignManager(req: express.Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(scorecardsCampaignManagePermission, credentials);
    if (!(await options.exemptions.isPlatformMember(credentials))) {
      throw new NotAllowedError('Campaigns are run by the platform team');
    }
    return credentials;
  }

  router.get('/campaigns', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await options.campaigns.list() });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await campaignManager(req);
    const body = parseBody(createCampaignRequestSchema, req.body);
    res.status(201).json(await options.campaigns.create(body, credentials));
  });

  router.get('/campaigns/:id', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await options.campaigns.get(req.params.id));
  });

  router.patch('/campaigns/:id', async (req, res) => {
    await campaignManager(req);
    const body = parseBody(updateCampaignRequestSchema, req.body);
    res.json(await options.campaigns.update(req.params.id, body));
  });

  router.delete('/campaigns/:id', async (req, res) => {
    await campaignManager(req);
    await options.campaigns.delete(req.params.id);
    res.status(204).end();
  });

  router.use(openApiErrorFormat);
  router.use(databaseUnavailableHandler());
  return router;
}
