import {
  DiscoveryService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { AvailabilityStore } from '../database/AvailabilityStore';
import { AvailabilityProbe, readinessUrlOf } from './AvailabilityProbe';

/** Probes are kept this long; uptime further back is not asked for (windows span ≤ 3 years). */
const KEEP_PROBES_MS = 3 * 366 * 86_400_000;

/**
 * Probes the portal's readiness at the start of every minute through the scheduler, so one
 * replica probes per minute however many run. `probeUrl` overrides the URL found through
 * discovery (e.g. the load balancer's, to measure what people reach).
 */
export async function scheduleAvailabilityProbe(options: {
  scheduler: SchedulerService;
  discovery: DiscoveryService;
  store: AvailabilityStore;
  logger: LoggerService;
  probeUrl?: string;
}) {
  const { scheduler, discovery, store, logger, probeUrl } = options;
  const probe = new AvailabilityProbe({
    store,
    logger,
    readinessUrl: async () =>
      probeUrl ?? readinessUrlOf(await discovery.getBaseUrl('devex')),
  });
  await scheduler.scheduleTask({
    id: 'devex-availability-probe',
    frequency: { cron: '* * * * *' },
    timeout: { seconds: 50 },
    fn: async () => {
      await probe.probe();
    },
  });
  await scheduler.scheduleTask({
    id: 'devex-forget-availability-probes',
    frequency: { hours: 24 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 10 },
    fn: async () => {
      await store.forgetProbesBefore(Date.now() - KEEP_PROBES_MS);
    },
  });
}
