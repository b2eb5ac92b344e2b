import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import AssessmentOutlined from '@material-ui/icons/AssessmentOutlined';
import { scorecardsApiRef } from './api/ScorecardsApi';
import { ScorecardsClient } from './api/ScorecardsClient';
import { rootRouteRef } from './routes';

const scorecardsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: scorecardsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ScorecardsClient(deps),
    }),
});

const scorecardsPage = PageBlueprint.make({
  params: {
    path: '/scorecards',
    title: 'Scorecards',
    icon: <AssessmentOutlined />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ScorecardsPage/ScorecardsPage').then(m => (
        <m.ScorecardsPage />
      )),
  },
});

const entityScorecardContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: 'scorecard',
    title: 'Scorecard',
    // Scorecards measure components (scorecards.entityKinds); other kinds have no tab.
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityScorecard/EntityScorecardContent').then(m => (
        <m.EntityScorecardContent />
      )),
  },
});

const belowSilverWidget = HomePageWidgetBlueprint.make({
  name: 'below-silver',
  params: {
    name: 'ScorecardsBelowSilver',
    title: 'Your services below silver',
    description:
      "Your teams' services that have not reached the silver level of their scorecard",
    components: () =>
      import('./components/BelowSilverCard/BelowSilverCard').then(m => ({
        Content: m.BelowSilverCard,
      })),
  },
});

/**
 * Scorecards in the portal: `/scorecards` (organisation, team heat maps, campaigns, checks,
 * exemptions), the "Scorecard" tab on components, and the home card of services below silver.
 */
export const scorecardsPlugin = createFrontendPlugin({
  pluginId: 'scorecards',
  title: 'Scorecards',
  icon: <AssessmentOutlined />,
  routes: { root: rootRouteRef },
  extensions: [
    scorecardsApi,
    scorecardsPage,
    entityScorecardContent,
    belowSilverWidget,
  ],
});
