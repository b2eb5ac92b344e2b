import { PROVISIONING_PAGE_PATH } from '@paved/plugin-provisioning-common';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import StorageIcon from '@material-ui/icons/Storage';
import { provisioningApiRef } from './api/ProvisioningApi';
import { ProvisioningClient } from './api/ProvisioningClient';
import { isDatabaseTabAvailable } from './components/EntityDatabases/filter';
import { rootRouteRef } from './routes';

const provisioningApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: provisioningApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ProvisioningClient({ discoveryApi, fetchApi }),
    }),
});

const provisioningPage = PageBlueprint.make({
  params: {
    path: PROVISIONING_PAGE_PATH,
    title: 'Databases',
    icon: <StorageIcon />,
    routeRef: rootRouteRef,
    // The page and its request pages render their own headers.
    noHeader: true,
    loader: () =>
      import('./components/ProvisioningPage/ProvisioningPage').then(m => (
        <m.ProvisioningPage />
      )),
  },
});

const entityDatabaseContent = EntityContentBlueprint.make({
  name: 'database',
  params: {
    path: 'database',
    title: 'Database',
    filter: isDatabaseTabAvailable,
    loader: () =>
      import('./components/EntityDatabases/EntityDatabasesContent').then(m => (
        <m.EntityDatabasesContent />
      )),
  },
});

const policyFormField = FormFieldBlueprint.make({
  name: 'provisioning-policy',
  params: {
    field: () =>
      import('./components/PolicyField/ProvisioningPolicyField').then(m =>
        createFormField({
          name: 'ProvisioningPolicy',
          component: m.ProvisioningPolicyField,
        }),
      ),
  },
});

/**
 * Self-service databases in the portal: the `/provisioning` page (nav item "Databases") with the
 * request pages, the "Database" tab on Resources, Components and Systems, and the template form
 * field that shows the provisioning policy.
 */
export const provisioningPlugin = createFrontendPlugin({
  pluginId: 'provisioning',
  title: 'Databases',
  icon: <StorageIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    provisioningApi,
    provisioningPage,
    entityDatabaseContent,
    policyFormField,
  ],
});
