import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import {
  createProxyAuthenticator,
  type SignInResolver,
} from '@backstage/plugin-auth-node';

/**
 * Development sign-in: each provider signs in as one example person of the organisation, so a
 * newcomer can try every flow (a developer's request, a platform engineer's approval) without an
 * identity provider. `guest` keeps the provider id of Backstage's guest sign-in, so scripts and
 * the sign-in page find Sam Rivera where they always did.
 */
export const DEVELOPMENT_PROVIDERS = ['guest', 'guest-platform'] as const;

/** Name of the rule in errors and the README. */
export const DEVELOPMENT_ONLY_RULE = 'development-sign-in-only';

interface DevelopmentUserContext {
  userEntityRef: string;
  enabled: boolean;
}

interface DevelopmentUserResult {
  userEntityRef: string;
}

/**
 * Answers `/api/auth/<provider>/refresh` with the configured user. Two rules Backstage's guest
 * provider lacks: the request must carry `X-Requested-With: XMLHttpRequest` (what Backstage's
 * OAuth providers ask of refresh, so another site's page cannot make a browser fetch a token
 * cross-site as a simple request), and it runs only in development (`NODE_ENV=development`, as
 * `yarn start` sets) unless `dangerouslyAllowOutsideDevelopment` is set (tests do).
 */
export const developmentUserAuthenticator = createProxyAuthenticator<
  DevelopmentUserContext,
  DevelopmentUserResult,
  undefined
>({
  async defaultProfileTransform(result, ctx) {
    try {
      const { entity } = await ctx.findCatalogUser({
        entityRef: result.userEntityRef,
      });
      const profile = (entity.spec?.profile ?? {}) as {
        displayName?: string;
        email?: string;
        picture?: string;
      };
      return { profile };
    } catch {
      // Sign-in reports the missing user; the profile is only for display.
      return { profile: {} };
    }
  },
  initialize({ config }) {
    return {
      userEntityRef: config.getString('userEntityRef'),
      enabled:
        process.env.NODE_ENV === 'development' ||
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
          true,
    };
  },
  async authenticate({ req }, ctx) {
    if (!ctx.enabled) {
      throw new NotAllowedError(
        `Development sign-in is not available outside development; use the company's sign-in (rule: ${DEVELOPMENT_ONLY_RULE})`,
      );
    }
    if (req.header('X-Requested-With') !== 'XMLHttpRequest') {
      throw new AuthenticationError(
        'Invalid X-Requested-With header: send X-Requested-With: XMLHttpRequest',
      );
    }
    return { result: { userEntityRef: ctx.userEntityRef } };
  },
});

/** Signs in as the configured catalog user, with the memberships the catalog gives them. */
export const signInAsDevelopmentUser: SignInResolver<
  DevelopmentUserResult
> = async ({ result }, ctx) => {
  try {
    return await ctx.signInWithCatalogUser({
      entityRef: result.userEntityRef,
    });
  } catch (error) {
    if ((error as Error)?.name !== 'NotFoundError') throw error;
    throw new NotAllowedError(
      `Sign-in refused: ${result.userEntityRef} is not in the catalog (yet); the catalog loads the example organisation from catalog/org/ a few seconds after start-up`,
    );
  }
};
