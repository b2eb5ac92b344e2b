import { LoggerService } from '@backstage/backend-plugin-api';
import { AvailabilityStore } from '../database/AvailabilityStore';

export const MINUTE_MS = 60_000;

/** Backstage's readiness endpoint, served by the root HTTP router of every backend. */
export const READINESS_PATH = '/.backstage/health/v1/readiness';

/**
 * Probes the portal's readiness endpoint and records the answer for the minute. Up means HTTP
 * 200 within the timeout; anything else (an error status, no answer, a timeout) is down.
 */
export class AvailabilityProbe {
  constructor(
    private readonly options: {
      store: AvailabilityStore;
      /** Resolves the readiness URL (through discovery, so it follows the deployment). */
      readinessUrl: () => Promise<string>;
      logger: LoggerService;
      timeoutMs?: number;
    },
  ) {}

  async probe(now = Date.now()): Promise<{ up: boolean }> {
    const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const started = Date.now();
    let statusCode: number | null = null;
    let latencyMs: number | null = null;
    try {
      const response = await fetch(await this.options.readinessUrl(), {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        redirect: 'manual',
      });
      statusCode = response.status;
      latencyMs = Date.now() - started;
      await response.body?.cancel();
    } catch (error) {
      this.options.logger.warn(`devex: availability probe failed: ${error}`);
    }
    const up = statusCode === 200;
    await this.options.store.recordProbe({
      minute,
      up,
      statusCode,
      latencyMs,
      probedAt: now,
    });
    return { up };
  }
}

/** The readiness URL of the backend that serves `baseUrl` (a plugin's base URL from discovery). */
export function readinessUrlOf(pluginBaseUrl: string): string {
  return new URL(READINESS_PATH, pluginBaseUrl).toString();
}
