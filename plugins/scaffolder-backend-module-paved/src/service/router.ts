import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { PavedScaffolderConfig } from '../config';
import { serviceNameConflict, serviceNamePatternProblem } from './serviceNames';

const NAMESPACE_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/**
 * Routes Paved adds to the scaffolder (`/api/scaffolder/paved/...`):
 * `GET /paved/service-names/:name?namespace=` answers whether a new golden-path service may take
 * a name, `{ name, available, problem? }`, so the form refuses a taken name before "Create".
 */
export function createServiceNamesRouter(options: {
  catalog: CatalogService;
  gitHost: LocalGitHost;
  config: PavedScaffolderConfig;
  httpAuth: HttpAuthService;
}): express.Router {
  const { catalog, gitHost, config, httpAuth } = options;
  const router = Router();
  router.get('/paved/service-names/:name', async (req, res) => {
    const { name } = req.params;
    const namespace = req.query.namespace ?? 'default';
    if (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace)) {
      throw new InputError(
        'namespace: must be a catalog namespace (lower-case letters, digits, "-" and ".")',
      );
    }
    const problem =
      serviceNamePatternProblem(name) ??
      (await serviceNameConflict({
        name,
        namespace,
        catalog,
        gitHost,
        publishTarget: config.publishTarget,
        credentials: await httpAuth.credentials(req, { allow: ['user'] }),
      }));
    res.json({ name, available: problem === undefined, problem });
  });
  return router;
}
