import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  DRIFT_CHECKED_STATUSES,
  type DatabaseDrift,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import type { RequestSecretStore } from '@paved/plugin-provisioning-node';
import type { ProviderRegistry } from './ProviderRegistry';

/**
 * Unapproved drift of a request: asks its provider whether what it delivered still matches what
 * the approved request renders to. Read-only; a provider without `drift` is `untracked`, and a
 * provider that cannot answer now is `unknown` with its reason, never `in-sync`.
 */
export class RequestDrift {
  constructor(
    private readonly options: {
      providers: ProviderRegistry;
      secrets: RequestSecretStore;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async of(request: DatabaseRequest): Promise<DatabaseDrift> {
    const { providers, secrets, logger } = this.options;
    const answer = (
      state: DatabaseDrift['state'],
      detail: string,
      diff?: string,
    ): DatabaseDrift => ({
      requestId: request.id,
      state,
      detail,
      ...(diff ? { diff } : {}),
      checkedAt: (this.options.now?.() ?? new Date()).toISOString(),
    });
    if (
      !(DRIFT_CHECKED_STATUSES as readonly string[]).includes(request.status)
    ) {
      return answer(
        'untracked',
        `nothing delivered to compare while the request is ${request.status}`,
      );
    }
    let provider;
    try {
      provider = providers.get(request.provider, request.type);
    } catch (error) {
      return answer('unknown', (error as Error).message);
    }
    if (!provider.drift) {
      return answer(
        'untracked',
        `provider "${request.provider}" keeps no declared state to compare`,
      );
    }
    try {
      const drift = await provider.drift(request, { logger, secrets });
      return answer(drift.state, drift.detail, drift.diff);
    } catch (error) {
      return answer(
        'unknown',
        `provider "${request.provider}" could not compare: ${
          (error as Error).message
        }`,
      );
    }
  }
}
