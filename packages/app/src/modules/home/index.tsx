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

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget],
});
