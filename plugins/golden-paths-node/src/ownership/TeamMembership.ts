import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { formatViolation } from '@paved/backend-platform';

function normaliseRef(ref: string, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}

/**
 * Who may act for a team in a golden path: its members and the platform team. Membership is read
 * from the catalog (the user entity's `memberOf` relations, which the catalog derives from both
 * `User.spec.memberOf` and `Group.spec.members`) with the acting user's own credentials, so a
 * user the catalog does not show them cannot be claimed.
 */
export class TeamMembership {
  private readonly platformTeam: string;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      /** `paved.platformTeam` from the platform settings. */
      platformTeam: string;
    },
  ) {
    this.platformTeam = normaliseRef(options.platformTeam, 'group');
  }

  /** The groups the user is a direct member of, as lower-case full refs; empty when the catalog has no such user. */
  async groupsOf(
    userRef: string,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const user = await this.options.catalog.getEntityByRef(
      normaliseRef(userRef, 'user'),
      { credentials },
    );
    return new Set(
      (user?.relations ?? [])
        .filter(relation => relation.type === RELATION_MEMBER_OF)
        .map(relation => relation.targetRef.toLocaleLowerCase('en-US')),
    );
  }

  /**
   * True if the user is one of the owners (an owner may be a user), belongs to one of the owning
   * groups, or belongs to the platform team.
   */
  async mayActFor(options: {
    userRef: string | undefined;
    ownerRefs: string[];
    credentials: BackstageCredentials;
  }): Promise<boolean> {
    if (!options.userRef) {
      return false;
    }
    const user = normaliseRef(options.userRef, 'user');
    const owners = options.ownerRefs.map(ref => normaliseRef(ref, 'group'));
    if (owners.includes(user)) {
      return true;
    }
    const groups = await this.groupsOf(user, options.credentials);
    return (
      groups.has(this.platformTeam) || owners.some(owner => groups.has(owner))
    );
  }

  /**
   * Throws a NotAllowedError naming the field, the user, the owners and the rule unless
   * {@link TeamMembership.mayActFor} allows. `what` completes "may not ...".
   */
  async assertMayActFor(options: {
    userRef: string | undefined;
    ownerRefs: string[];
    credentials: BackstageCredentials;
    field: string;
    what: string;
  }): Promise<void> {
    if (await this.mayActFor(options)) {
      return;
    }
    const who = options.userRef ?? 'a task without a signed-in user';
    const owners =
      options.ownerRefs.length > 0
        ? options.ownerRefs.map(ref => normaliseRef(ref, 'group')).join(', ')
        : 'its owners';
    throw new NotAllowedError(
      formatViolation({
        field: options.field,
        problem: `${who} may not ${options.what}: only ${owners}, their members and members of the platform team (${this.platformTeam}) may`,
        rule: 'owner-membership',
      }),
    );
  }
}
