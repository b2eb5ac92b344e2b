import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { localGitHostServiceRef } from '../service/localGitHostServiceRef';
import { LocalGitHostUrlReader } from './LocalGitHostUrlReader';

/**
 * Adds the local git host's reader to every plugin's UrlReaderService (catalog, TechDocs,
 * scaffolder), so `<backend.baseUrl>/api/githost/...` contents URLs read from the bare
 * repositories. Install once in the backend: `backend.add(gitHostUrlReaderFactory)`.
 */
export const gitHostUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: { gitHost: localGitHostServiceRef },
  async factory({ gitHost }) {
    return LocalGitHostUrlReader.factory(gitHost);
  },
});
