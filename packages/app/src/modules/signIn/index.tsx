import { OAuth2 } from '@backstage/core-app-api';
import { SignInPage } from '@backstage/core-components';
import {
  ApiBlueprint,
  configApiRef,
  createApiRef,
  createFrontendModule,
  discoveryApiRef,
  githubAuthApiRef,
  oauthRequestApiRef,
  useApi,
  type BackstageIdentityApi,
  type OpenIdConnectApi,
  type ProfileInfoApi,
  type SessionApi,
} from '@backstage/frontend-plugin-api';
import { DevelopmentUserAuth } from './DevelopmentUserAuth';
import {
  SignInPageBlueprint,
  type SignInPageProps,
} from '@backstage/plugin-app-react';

/** Development sign-in as the example developer (backend provider `guest`). */
export const developerSignInApiRef = createApiRef<
  BackstageIdentityApi & ProfileInfoApi & SessionApi
>({ id: 'paved.auth.development.developer' });

/** Development sign-in as the example platform engineer (backend provider `guest-platform`). */
export const platformEngineerSignInApiRef = createApiRef<
  BackstageIdentityApi & ProfileInfoApi & SessionApi
>({ id: 'paved.auth.development.platform-engineer' });

const developmentSignInApis = [
  { name: 'guest', api: developerSignInApiRef },
  { name: 'guest-platform', api: platformEngineerSignInApiRef },
].map(({ name, api }) =>
  ApiBlueprint.make({
    name: `${name}-auth`,
    params: defineParams =>
      defineParams({
        api,
        deps: { discoveryApi: discoveryApiRef },
        factory: ({ discoveryApi }) =>
          new DevelopmentUserAuth({ discoveryApi, provider: name }),
      }),
  }),
);

/** The company's OpenID Connect identity provider (Okta, Entra ID, Keycloak, ...). */
export const oidcAuthApiRef = createApiRef<
  OpenIdConnectApi & ProfileInfoApi & BackstageIdentityApi & SessionApi
>({ id: 'paved.auth.oidc' });

const oidcAuthApi = ApiBlueprint.make({
  name: 'oidc-auth',
  params: defineParams =>
    defineParams({
      api: oidcAuthApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        oauthRequestApi: oauthRequestApiRef,
        configApi: configApiRef,
      },
      factory: ({ discoveryApi, oauthRequestApi, configApi }) =>
        OAuth2.create({
          configApi,
          discoveryApi,
          oauthRequestApi,
          provider: { id: 'oidc', title: 'Company SSO', icon: () => null },
          environment: configApi.getOptionalString('auth.environment'),
          defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
        }),
    }),
});

const providerCatalog = {
  guest: {
    id: 'guest-auth-provider',
    title: 'Sam Rivera, developer',
    message:
      'Development only: sign in as the example developer of the payments team',
    apiRef: developerSignInApiRef,
  },
  'guest-platform': {
    id: 'guest-platform-auth-provider',
    title: 'Priya Natarajan, platform engineer',
    message:
      'Development only: sign in as the example platform engineer, who approves requests',
    apiRef: platformEngineerSignInApiRef,
  },
  github: {
    id: 'github-auth-provider',
    title: 'GitHub',
    message: 'Sign in with your GitHub account',
    apiRef: githubAuthApiRef,
  },
  oidc: {
    id: 'oidc-auth-provider',
    title: 'Company SSO',
    message: 'Sign in with your company account',
    apiRef: oidcAuthApiRef,
  },
} as const;

/**
 * Offers the sign-in methods named in `app.signIn.providers`: in development the example
 * developer (`guest`) and the example platform engineer (`guest-platform`), in production
 * GitHub and/or OIDC.
 */
function PavedSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const names = config.getOptionalStringArray('app.signIn.providers') ?? [
    'guest',
  ];
  const providers = names
    .map(name => providerCatalog[name as keyof typeof providerCatalog])
    .filter(Boolean);
  return (
    <SignInPage
      {...props}
      title="Sign in to Paved"
      align="center"
      providers={providers}
    />
  );
}

const signInPage = SignInPageBlueprint.make({
  params: { loader: async () => PavedSignInPage },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi, ...developmentSignInApis],
});
