import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import {
  ACTIVE_UPGRADE_STATUSES,
  GoldenPathsClient,
  Upgrade,
} from '@paved/plugin-golden-paths-common';
import type {
  FixRequest,
  ScorecardFixer,
  StartedFix,
} from '@paved/plugin-scorecards-node';

type FixState = Awaited<ReturnType<ScorecardFixer['status']>>;

function isResponseError(error: unknown): error is ResponseError {
  return (error as Error | undefined)?.name === 'ResponseError';
}

/**
 * Proposes the golden-path upgrade of a component behind its template through the golden-paths
 * plugin's own API (`POST /api/golden-paths/upgrades`, its typed client from
 * golden-paths-common), on behalf of the user who clicked "Fix it": golden paths checks that the
 * user may act for the component and opens the change request on the owner's repository. The
 * check is re-evaluated once the upgrade is merged (the component's paved.dev/template-version
 * rises).
 */
export class GoldenPathUpgradeFixer implements ScorecardFixer {
  readonly id = 'golden-path-upgrade';
  readonly title = 'Propose the golden-path upgrade';
  readonly description =
    "Renders the template's latest version with the recorded inputs and opens a change request on the repository.";

  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  /** A client whose every request carries a token for golden-paths issued on behalf of `credentials`. */
  private clientFor(credentials: BackstageCredentials): GoldenPathsClient {
    const { auth, discovery } = this.deps;
    return new GoldenPathsClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: async (input, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'golden-paths',
          });
          const headers = new Headers(init?.headers);
          headers.set('authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
  }

  async start(request: FixRequest): Promise<StartedFix> {
    let upgrade: Upgrade;
    try {
      upgrade = await this.clientFor(request.credentials).proposeUpgrade(
        request.entityRef,
      );
    } catch (error) {
      throw asCallerError(error);
    }
    if (upgrade.status === 'failed') {
      throw new Error(
        `golden paths could not propose the upgrade of ${request.entityRef}: ${
          upgrade.error ?? 'no reason given'
        }`,
      );
    }
    return {
      externalId: upgrade.id,
      url: upgrade.changeUrl,
      message: `upgrade ${upgrade.fromVersion} → ${upgrade.toVersion} proposed (${upgrade.status})`,
    };
  }

  async status(fix: { externalId: string }): Promise<FixState> {
    let upgrade: Upgrade;
    try {
      upgrade = await this.clientFor(
        await this.deps.auth.getOwnServiceCredentials(),
      ).getUpgrade(fix.externalId);
    } catch (error) {
      if (isResponseError(error) && error.response.status === 404) {
        return { status: 'failed', message: 'the upgrade no longer exists' };
      }
      throw error;
    }
    if (upgrade.status === 'merged') {
      return {
        status: 'completed',
        message: `upgrade to ${upgrade.toVersion} merged`,
      };
    }
    if (ACTIVE_UPGRADE_STATUSES.includes(upgrade.status)) {
      return { status: 'started' };
    }
    return {
      status: 'failed',
      message: `upgrade ${upgrade.status}${
        upgrade.error ? `: ${upgrade.error}` : ''
      }`,
    };
  }
}

/**
 * Golden paths' refusal, passed on to the user with its status and message (not a 500): it says
 * why, e.g. that the user is not an owner or that an upgrade is already proposed.
 */
function asCallerError(error: unknown): unknown {
  if (!isResponseError(error)) return error;
  const message = `golden paths: ${error.body.error.message}`;
  switch (error.response.status) {
    case 400:
      return new InputError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return error;
  }
}
