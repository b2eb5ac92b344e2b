import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { LocalGitHost } from '../host/LocalGitHost';

/**
 * The local git host of this backend: bare repositories in `paved.gitHost.directory` (read from
 * the platform settings, never from a plugin's own key). Golden paths publish to it, the URL
 * reader reads it, provisioning's GitOps delivery commits to it; all share this one instance.
 */
export const localGitHostServiceRef = createServiceRef<LocalGitHost>({
  id: 'paved.githost.local',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { settings: platformSettingsServiceRef },
      factory: ({ settings }) => new LocalGitHost(settings.gitHostDirectory),
    }),
});
