import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { LocalGitHostUrlReader } from './LocalGitHostUrlReader';

/**
 * Adds the local git host reader to every plugin's UrlReaderService (catalog, TechDocs,
 * scaffolder). Install with `backend.add(pavedGitHostUrlReaderFactory)`.
 */
export const pavedGitHostUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalGitHostUrlReader.factory;
  },
});
