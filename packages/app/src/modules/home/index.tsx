import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'paved-welcome',
  params: {
    name: 'PavedWelcome',
    title: 'Welcome to Paved',
    description: 'The golden paths Paved offers, one click away',
    components: () =>
      import('./PavedWelcome').then(m => ({ Content: m.PavedWelcome })),
  },
});

// The DevEx plugin's pulse survey (score 0-10 and a comment), asked where developers start their day.
export const pulseSurveyWidget = HomePageWidgetBlueprint.make({
  name: 'devex-pulse-survey',
  params: {
    name: 'PulseSurvey',
    title: 'How is the platform doing?',
    description:
      'The DevEx pulse survey: how likely you are to recommend the platform, and why',
    components: () =>
      import('@paved/plugin-devex').then(m => ({ Content: m.PulseSurvey })),
  },
});

// Catalog files that failed processing, with their errors, for whoever looks after the catalog.
export const catalogProblemsWidget = HomePageWidgetBlueprint.make({
  name: 'catalog-problems',
  params: {
    name: 'CatalogProblems',
    title: 'Catalog problems',
    description:
      'Entities the catalog could not process (malformed files, invalid entities), with their errors',
    components: () =>
      import('./CatalogProblems').then(m => ({ Content: m.CatalogProblems })),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget, pulseSurveyWidget, catalogProblemsWidget],
});
