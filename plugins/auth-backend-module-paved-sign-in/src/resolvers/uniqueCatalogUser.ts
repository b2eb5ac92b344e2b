import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type {
  AuthResolverContext,
  BackstageSignInResult,
} from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Name of the rule in sign-in errors and the README. */
export const ONE_USER_PER_IDENTITY_RULE = 'one-catalog-user-per-identity';

/** The catalog as the sign-in resolvers see it: users matching a filter. */
export interface CatalogUserLookup {
  findUsers(filter: Record<string, string>[]): Promise<Entity[]>;
}

export function catalogUserLookup(
  catalog: CatalogService,
  auth: AuthService,
): CatalogUserLookup {
  return {
    async findUsers(filter) {
      const credentials: BackstageCredentials =
        await auth.getOwnServiceCredentials();
      const { items } = await catalog.getEntities(
        { filter: filter.map(f => ({ ...f, kind: 'user' })) },
        { credentials },
      );
      return items;
    },
  };
}

/**
 * Signs in as the one catalog user an identity matches, or refuses. Backstage's own resolvers
 * answer two matches with "User lookup resulted in multiple matches" (or, by entity name, pick
 * the `default` namespace silently) and no match with "User not found"; neither tells a person
 * what to do, and a second match means the organisation's data is wrong, so nobody is guessed.
 *
 * @param identity - how the person was identified, for the message (`the e-mail address x`)
 */
export async function signInAsUniqueUser(
  matches: Entity[],
  identity: string,
  ctx: AuthResolverContext,
): Promise<BackstageSignInResult> {
  const refs = [
    ...new Set(matches.map(entity => stringifyEntityRef(entity))),
  ].sort();
  if (refs.length === 0) {
    throw new NotAllowedError(
      `Sign-in refused: ${identity} matches no user of the organisation in the catalog; ask the platform team to add you (rule: ${ONE_USER_PER_IDENTITY_RULE})`,
    );
  }
  if (refs.length > 1) {
    throw new NotAllowedError(
      `Sign-in refused: ${identity} matches ${refs.length} users in the catalog (${refs.join(
        ', ',
      )}); ask the platform team to keep one (rule: ${ONE_USER_PER_IDENTITY_RULE})`,
    );
  }
  return ctx.signInWithCatalogUser({ entityRef: refs[0] });
}
