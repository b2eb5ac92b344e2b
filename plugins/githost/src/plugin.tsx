import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { GIT_HOST_PAGE_PATH } from '@paved/plugin-githost-common';
import { GitHostClient, gitHostApiRef } from './api';

/** The repositories page (`/git`), with a repository's and a merge request's pages below it. */
export const gitHostRouteRef = createRouteRef();

const gitHostApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: gitHostApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GitHostClient({ discoveryApi, fetchApi }),
    }),
});

const gitHostPage = PageBlueprint.make({
  params: {
    path: GIT_HOST_PAGE_PATH,
    routeRef: gitHostRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/GitHostPage').then(m => <m.GitHostPage />),
  },
});

/** The local git host in the portal: repositories, files, README, branches, merge requests. */
export default createFrontendPlugin({
  pluginId: 'githost',
  extensions: [gitHostApi, gitHostPage],
  routes: { root: gitHostRouteRef },
});
