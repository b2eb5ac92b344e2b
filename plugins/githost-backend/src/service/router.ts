import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  nulCharacterGuard,
  openApiViolationsHandler,
} from '@paved/backend-platform';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { MergeRequests } from '../mergeRequests/MergeRequests';
import { RepositoryBrowser } from '../repositories/RepositoryBrowser';

/**
 * The git host's JSON API, validated against `src/schema/openapi.yaml`: repositories to browse
 * and merge requests. Any signed-in user or plugin reads and proposes; who may merge and close is
 * decided by {@link MergeRequests}.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  mergeRequests: MergeRequests;
  browser: RepositoryBrowser;
}): Promise<express.Router> {
  const { httpAuth, mergeRequests, browser } = options;
  const router = await createOpenApiRouter({
    // Backstage's JSON parser, then no NUL characters (PostgreSQL refuses them).
    middleware: [express.json(), nulCharacterGuard()],
    validatorOptions: {
      // Backstage's defaults, plus every violation of a request instead of the first.
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  });
  const credentialsOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/repositories', async (req, res) => {
    await credentialsOf(req);
    res.json({ items: await browser.list() });
  });

  router.get('/repositories/:name', async (req, res) => {
    res.json(await browser.get(req.params.name, await credentialsOf(req)));
  });

  router.get('/repositories/:name/tree', async (req, res) => {
    await credentialsOf(req);
    res.json(
      await browser.tree(req.params.name, {
        ref: req.query.ref,
        path: req.query.path,
      }),
    );
  });

  router.get('/repositories/:name/blob', async (req, res) => {
    await credentialsOf(req);
    res.json(
      await browser.blob(req.params.name, {
        ref: req.query.ref,
        path: req.query.path,
      }),
    );
  });

  router.get('/repositories/:name/merge-requests', async (req, res) => {
    await credentialsOf(req);
    const state = req.query.state ?? 'all';
    res.json({
      items: await mergeRequests.list(
        req.params.name,
        state === 'all' ? undefined : state,
      ),
    });
  });

  router.post('/repositories/:name/merge-requests', async (req, res) => {
    const { mergeRequest, created } = await mergeRequests.open({
      repository: req.params.name,
      ...req.body,
      credentials: await credentialsOf(req),
    });
    res.status(created ? 201 : 200).json(mergeRequest);
  });

  router.get('/repositories/:name/merge-requests/:id', async (req, res) => {
    res.json(
      await mergeRequests.get(
        req.params.name,
        Number(req.params.id),
        await credentialsOf(req),
      ),
    );
  });

  router.post(
    '/repositories/:name/merge-requests/:id/merge',
    async (req, res) => {
      res.json(
        await mergeRequests.merge({
          repository: req.params.name,
          id: Number(req.params.id),
          sourceCommit: req.body?.sourceCommit,
          credentials: await credentialsOf(req),
        }),
      );
    },
  );

  router.post(
    '/repositories/:name/merge-requests/:id/close',
    async (req, res) => {
      res.json(
        await mergeRequests.close({
          repository: req.params.name,
          id: Number(req.params.id),
          credentials: await credentialsOf(req),
        }),
      );
    },
  );

  // The validator's 400s in Paved's format, `<field>: <problem> (rule: <rule>)`.
  router.use(openApiViolationsHandler);
  return router;
}
