import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { hasLineage } from './lineage';

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

/**
 * Golden-path lineage in the portal: which template and version made each component, and which
 * components each template made.
 */
export const goldenPathsPlugin = createFrontendPlugin({
  pluginId: 'golden-paths',
  title: 'Golden paths',
  extensions: [createdFromCard, templateAdoptionCard],
});
