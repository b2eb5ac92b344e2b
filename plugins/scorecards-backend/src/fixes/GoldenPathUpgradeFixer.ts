import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type {
  FixRequest,
  ScorecardFixer,
  StartedFix,
} from '@paved/plugin-scorecards-node';

/** The upgrade as golden paths' API describes it (issue 14: POST/GET /api/golden-paths/upgrades). */
interface Upgrade {
  id: string;
  entityRef: string;
  fromVersion: string;
  toVersion: string;
  status: string;
  changeUrl?: string;
}

const MERGED = new Set(['merged', 'completed']);
const ENDED = new Set(['failed', 'closed', 'rejected', 'cancelled']);

/**
 * Proposes the golden-path upgrade of a component behind its template, through the golden-paths
 * plugin's API on behalf of the user: a change request on the owner's repository. The check is
 * re-evaluated once the upgrade is merged (the component's paved.dev/template-version rises).
 */
export class GoldenPathUpgradeFixer implements ScorecardFixer {
  readonly id = 'golden-path-upgrade';
  readonly title = 'Propose the golden-path upgrade';
  readonly description =
    "Renders the template's latest version with the recorded inputs and opens a change request on the repository.";

  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  private async call(
    path: string,
    onBehalfOf: Parameters<
      AuthService['getPluginRequestToken']
    >[0]['onBehalfOf'],
    init?: RequestInit,
  ): Promise<Response> {
    const base = await this.deps.discovery.getBaseUrl('golden-paths');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf,
      targetPluginId: 'golden-paths',
    });
    return fetch(`${base}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
    });
  }

  async start(request: FixRequest): Promise<StartedFix> {
    const response = await this.call('/upgrades', request.credentials, {
      method: 'POST',
      body: JSON.stringify({ entityRef: request.entityRef }),
    });
    if (!response.ok) {
      throw new Error(
        `golden paths refused the upgrade: ${response.status} ${(
          await response.text()
        ).slice(0, 300)}`,
      );
    }
    const upgrade = (await response.json()) as Upgrade;
    return {
      externalId: upgrade.id,
      url: upgrade.changeUrl,
      message: `upgrade ${upgrade.fromVersion} → ${upgrade.toVersion} proposed`,
    };
  }

  async status(fix: { externalId: string }) {
    const response = await this.call(
      `/upgrades/${encodeURIComponent(fix.externalId)}`,
      await this.deps.auth.getOwnServiceCredentials(),
    );
    if (response.status === 404) {
      return {
        status: 'failed' as const,
        message: 'the upgrade no longer exists',
      };
    }
    if (!response.ok)
      throw new Error(`golden paths answered ${response.status}`);
    const upgrade = (await response.json()) as Upgrade;
    if (MERGED.has(upgrade.status))
      return {
        status: 'completed' as const,
        message: `upgrade ${upgrade.status}`,
      };
    if (ENDED.has(upgrade.status))
      return {
        status: 'failed' as const,
        message: `upgrade ${upgrade.status}`,
      };
    return { status: 'started' as const };
  }
}
