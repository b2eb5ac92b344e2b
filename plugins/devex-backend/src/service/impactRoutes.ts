import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { DoraStore } from '../database/DoraStore';
import { ImpactStore } from '../database/ImpactStore';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';
import { goldenPathImpact } from '../metrics/goldenPathImpact';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { QueryRules, resolveScope } from './queryParameters';

type ApiRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/** The golden-path impact route: `GET /impact`. */
export function addImpactRoutes(
  api: ApiRouter,
  options: {
    impact: ImpactStore;
    dora: DoraStore;
    measures: PlatformMeasuresStore;
    directory: ServiceDirectory;
    httpAuth: HttpAuthService;
    minimumSamples: number;
  },
) {
  const { httpAuth, directory } = options;

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
        ...options,
        scope,
        services: services.services,
        window,
      }),
    );
  });
}
