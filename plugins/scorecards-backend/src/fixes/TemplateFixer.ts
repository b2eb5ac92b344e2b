import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type {
  FixRequest,
  ScorecardFixer,
  StartedFix,
} from '@paved/plugin-scorecards-node';
import type { TemplateFixerConfig } from '../config';

const FINISHED: Record<string, 'completed' | 'failed'> = {
  completed: 'completed',
  failed: 'failed',
  cancelled: 'failed',
};

/**
 * Fixes by running a scaffolder template (e.g. "Add TechDocs"), started through the scaffolder's
 * API on behalf of the user who clicked "Fix it", so the template's own permission checks and its
 * commit or change request act with that user's rights.
 */
export class TemplateFixer implements ScorecardFixer {
  readonly id: string;
  readonly title: string;
  readonly description: string;

  constructor(
    private readonly config: TemplateFixerConfig,
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {
    this.id = config.id;
    this.title = config.title;
    this.description = config.description;
  }

  async start(request: FixRequest): Promise<StartedFix> {
    const base = await this.deps.discovery.getBaseUrl('scaffolder');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: request.credentials,
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(`${base}/v2/tasks`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        templateRef: this.config.templateRef,
        values: request.input,
      }),
    });
    if (!response.ok) {
      throw new Error(
        `the scaffolder refused ${this.config.templateRef}: ${
          response.status
        } ${(await response.text()).slice(0, 300)}`,
      );
    }
    const { id } = (await response.json()) as { id: string };
    return {
      externalId: id,
      url: `/create/tasks/${id}`,
      message: `started ${this.config.templateRef}`,
    };
  }

  async status(fix: { externalId: string }) {
    const base = await this.deps.discovery.getBaseUrl('scaffolder');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(
      `${base}/v2/tasks/${encodeURIComponent(fix.externalId)}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    if (response.status === 404) {
      return {
        status: 'failed' as const,
        message: 'the scaffolder task no longer exists',
      };
    }
    if (!response.ok) throw new Error(`scaffolder answered ${response.status}`);
    const task = (await response.json()) as { status: string };
    const finished = FINISHED[task.status];
    return finished
      ? { status: finished, message: `scaffolder task ${task.status}` }
      : { status: 'started' as const };
  }
}
