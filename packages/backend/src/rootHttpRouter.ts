import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { errorBodiesWithoutInternals } from '@paved/backend-platform';

/**
 * Backstage's root HTTP router with its defaults, ahead of which error bodies lose stack traces
 * and absolute file-system paths outside development (README, Permissions: "Development
 * defaults"). Every plugin's router is mounted on it, so the rule covers Backstage's plugins too.
 */
export const rootHttpRouter = rootHttpRouterServiceFactory({
  configure({ app, applyDefaults }) {
    app.use(errorBodiesWithoutInternals());
    applyDefaults();
  },
});
