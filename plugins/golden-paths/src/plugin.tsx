import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import {
  GoldenPathsClient,
  TEMPLATE_DRIFT_PATH,
  hasLineage,
} from '@paved/plugin-golden-paths-common';
import { goldenPathsApiRef } from './api';
import { templateDriftRouteRef } from './routes';

/** The golden-paths backend's client, typed from its OpenAPI spec. */
const goldenPathsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
});

/** "Created from <template> <version>" on components made by a golden path. */
const createdFromCard = EntityCardBlueprint.make({
  name: 'created-from',
  params: {
    type: 'info',
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      hasLineage(entity),
    loader: () =>
      import('./components/CreatedFromCard/CreatedFromCard').then(m => (
        <m.CreatedFromCard />
      )),
  },
});

/** The components a template created, on the template's own page. */
const templateAdoptionCard = EntityCardBlueprint.make({
  name: 'template-adoption',
  params: {
    type: 'content',
    filter: { kind: 'template' },
    loader: () =>
      import('./components/TemplateAdoptionCard/TemplateAdoptionCard').then(
        m => <m.TemplateAdoptionCard />,
      ),
  },
});

/** Template drift: components per template version, upgrade proposals. */
const templateDriftPage = PageBlueprint.make({
  params: {
    path: TEMPLATE_DRIFT_PATH,
    title: 'Template drift',
    icon: <TrendingUpIcon />,
    routeRef: templateDriftRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/TemplateDriftPage/TemplateDriftPage').then(m => (
        <m.TemplateDriftPage />
      )),
  },
});

/** The template form field for a new service's name, refusing names already taken. */
const serviceNameField = FormFieldBlueprint.make({
  name: 'service-name',
  params: {
    field: () =>
      import('./components/ServiceNameField/ServiceNameField').then(m =>
        createFormField({
          name: 'ServiceName',
          component: m.ServiceNameField,
          validation: m.validateServiceName,
        }),
      ),
  },
});

/**
 * Golden-path lineage in the portal: which template and version made each component, and which
 * components each template made; the Template drift page and "Upgrade available" on the
 * golden-path card; and the `ServiceName` form field the service templates use.
 */
export const goldenPathsPlugin = createFrontendPlugin({
  pluginId: 'golden-paths',
  title: 'Golden paths',
  routes: { templateDrift: templateDriftRouteRef },
  extensions: [
    goldenPathsApi,
    templateDriftPage,
    createdFromCard,
    templateAdoptionCard,
    serviceNameField,
  ],
});
