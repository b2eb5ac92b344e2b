import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import {
  GoldenPathsClient,
  hasLineage,
} from '@paved/plugin-golden-paths-common';
import { goldenPathsApiRef } from './api';

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
 * components each template made; and the `ServiceName` form field the service templates use.
 */
export const goldenPathsPlugin = createFrontendPlugin({
  pluginId: 'golden-paths',
  title: 'Golden paths',
  extensions: [
    goldenPathsApi,
    createdFromCard,
    templateAdoptionCard,
    serviceNameField,
  ],
});
