import { HttpAuthService } from '@backstage/backend-plugin-api';
import { openApiViolationsHandler } from '@paved/backend-platform';
import { ServiceNameCheck } from '@paved/plugin-golden-paths-node';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';

/**
 * The golden-paths HTTP API, validated against `src/schema/openapi.yaml`:
 * `GET /service-names/:name?namespace=` → `{ name, available, problem? }`.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  serviceNames: ServiceNameCheck;
}): Promise<express.Router> {
  const { httpAuth, serviceNames } = options;
  const router = await createOpenApiRouter({
    validatorOptions: {
      // Backstage's defaults, plus every violation of a request instead of the first.
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  });

  router.get('/service-names/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await serviceNames.check({
        name: req.params.name,
        namespace: req.query.namespace ?? 'default',
        credentials,
      }),
    );
  });

  // The validator's 400s in Paved's format, `<field>: <problem> (rule: <rule>)`.
  router.use(openApiViolationsHandler);
  return router;
}
