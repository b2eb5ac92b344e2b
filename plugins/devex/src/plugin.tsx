import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import InsertChartOutlined from '@material-ui/icons/InsertChartOutlined';
import { devexApiRef } from './api/DevexApi';
import { DevexClient } from './api/DevexClient';
import { rootRouteRef } from './routes';

const devexApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: devexApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DevexClient({ discoveryApi, fetchApi }),
    }),
});

const devexPage = PageBlueprint.make({
  params: {
    path: '/devex',
    title: 'DevEx',
    icon: <InsertChartOutlined />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DevexPage/DevexPage').then(m => <m.DevexPage />),
  },
});

const entityDoraContent = EntityContentBlueprint.make({
  name: 'dora',
  params: {
    path: 'dora',
    title: 'DORA',
    // Components deploy; Groups pool the services they own. Other kinds have no deployments.
    filter: { kind: { $in: ['component', 'group'] } },
    loader: () =>
      import('./components/EntityDora/EntityDoraContent').then(m => (
        <m.EntityDoraContent />
      )),
  },
});

/**
 * DevEx and DORA in the portal: the `/devex` dashboard, the "DORA" tab on Component and Group
 * pages, and the pulse survey.
 */
export const devexPlugin = createFrontendPlugin({
  pluginId: 'devex',
  title: 'DevEx',
  icon: <InsertChartOutlined />,
  routes: { root: rootRouteRef },
  extensions: [devexApi, devexPage, entityDoraContent],
});
