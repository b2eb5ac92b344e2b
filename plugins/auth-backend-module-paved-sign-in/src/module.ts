import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { githubAuthenticator } from '@backstage/plugin-auth-backend-module-github-provider';
import { oidcAuthenticator } from '@backstage/plugin-auth-backend-module-oidc-provider';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  DEVELOPMENT_PROVIDERS,
  developmentUserAuthenticator,
  signInAsDevelopmentUser,
} from './development/developmentUsers';
import {
  emailMatchingUniqueUserEntity,
  userNameMatchingUniqueUserEntity,
} from './resolvers/signInResolvers';
import { catalogUserLookup } from './resolvers/uniqueCatalogUser';

/**
 * Paved's sign-in providers (replaces Backstage's guest, OIDC and GitHub provider modules):
 * company SSO and GitHub with resolvers that sign in exactly one catalog user, and the two
 * development users. A provider is served only where `auth.providers.<id>` is configured.
 */
export const authModulePavedSignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'paved-sign-in',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ providers, catalog, auth }) {
        const users = catalogUserLookup(catalog, auth);
        for (const providerId of DEVELOPMENT_PROVIDERS) {
          providers.registerProvider({
            providerId,
            factory: createProxyAuthProviderFactory({
              authenticator: developmentUserAuthenticator,
              signInResolver: signInAsDevelopmentUser,
            }),
          });
        }
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolverFactories: {
              emailMatchingUniqueUserEntity:
                emailMatchingUniqueUserEntity(users),
            },
          }),
        });
        providers.registerProvider({
          providerId: 'github',
          factory: createOAuthProviderFactory({
            authenticator: githubAuthenticator,
            signInResolverFactories: {
              userNameMatchingUniqueUserEntity:
                userNameMatchingUniqueUserEntity(users),
            },
          }),
        });
      },
    });
  },
});
