import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ChangesStore } from '../database/ChangesStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { buildChangeFlowReport } from '../metrics/changeFlowReport';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { QueryRules, resolveScope } from './queryParameters';

type ApiRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/** The review-flow routes: `GET /changes`. */
export function addChangeRoutes(
  api: ApiRouter,
  options: {
    changes: ChangesStore;
    directory: ServiceDirectory;
    httpAuth: HttpAuthService;
  },
) {
  const { changes, directory, httpAuth } = options;

  api.get('/changes', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    const { scope, services } = await resolveScope(rules, req.query, directory);
    const flow = await changes.changeFlow(services, window);
    res.json(buildChangeFlowReport({ flow, scope, window }));
  });
}
