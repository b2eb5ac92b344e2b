import { NotAllowedError } from '@backstage/errors';
import {
  createSignInResolverFactory,
  type OAuthAuthenticatorResult,
  type SignInResolverFactory,
} from '@backstage/plugin-auth-node';
import type { GithubProfile } from '@backstage/plugin-auth-backend-module-github-provider';
import {
  ONE_USER_PER_IDENTITY_RULE,
  signInAsUniqueUser,
  type CatalogUserLookup,
} from './uniqueCatalogUser';

/** The GitHub login annotation Backstage's GitHub org provider writes on users. */
export const ANNOTATION_GITHUB_USER_LOGIN = 'github.com/user-login';

/**
 * Company SSO (OIDC): the verified e-mail address must be `spec.profile.email` of exactly one
 * catalog user. Backstage's OIDC profile carries the e-mail only when the identity provider says
 * `email_verified: true`. Unlike Backstage's `emailMatchingUserEntityProfileEmail`, no retry
 * without a `+tag`: `sam+x@` is not `sam@` unless the organisation's data says so.
 */
export function emailMatchingUniqueUserEntity(
  users: CatalogUserLookup,
): SignInResolverFactory<unknown, undefined> {
  return createSignInResolverFactory({
    create: () => async (info, ctx) => {
      const email = info.profile.email;
      if (!email) {
        throw new NotAllowedError(
          `Sign-in refused: the identity provider sent no verified e-mail address (rule: ${ONE_USER_PER_IDENTITY_RULE})`,
        );
      }
      const matches = await users.findUsers([{ 'spec.profile.email': email }]);
      return signInAsUniqueUser(matches, `the e-mail address ${email}`, ctx);
    },
  });
}

/**
 * GitHub: the login must name exactly one catalog user, by the `github.com/user-login`
 * annotation (what Backstage's GitHub org provider writes) or by entity name in any namespace.
 * Backstage's `usernameMatchingUserEntityName` looks only at `user:default/<login>`.
 */
export function userNameMatchingUniqueUserEntity(
  users: CatalogUserLookup,
): SignInResolverFactory<OAuthAuthenticatorResult<GithubProfile>, undefined> {
  return createSignInResolverFactory({
    create: () => async (info, ctx) => {
      const login = info.result.fullProfile.username;
      if (!login) {
        throw new NotAllowedError(
          `Sign-in refused: the GitHub profile has no login (rule: ${ONE_USER_PER_IDENTITY_RULE})`,
        );
      }
      const matches = await users.findUsers([
        { [`metadata.annotations.${ANNOTATION_GITHUB_USER_LOGIN}`]: login },
        { 'metadata.name': login },
      ]);
      return signInAsUniqueUser(matches, `the GitHub login ${login}`, ctx);
    },
  });
}
