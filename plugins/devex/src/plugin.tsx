import {
  ApiBlueprint,
  AppRootElementBlueprint,
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
import { LazyFeedbackControl } from './components/Feedback/LazyFeedbackControl';

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

/** The feedback control, on every page of the portal. */
const feedbackControl = AppRootElementBlueprint.make({
  name: 'feedback',
  params: {
    element: <LazyFeedbackControl />,
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
 * pages, the pulse survey and the feedback control on every page.
 */
export const devexPlugin = createFrontendPlugin({
  pluginId: 'devex',
  title: 'DevEx',
  icon: <InsertChartOutlined />,
  routes: { root: rootRouteRef },
  extensions: [devexApi, devexPage, entityDoraContent, feedbackControl],
});
