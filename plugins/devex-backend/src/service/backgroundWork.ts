import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { DEMO_SOURCE, MAX_EVENTS_PER_BATCH } from '@paved/plugin-devex-common';
import { IngestStore } from '../database/IngestStore';
import { SurveyStore } from '../database/SurveyStore';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { PeopleDirectory } from '../catalog/PeopleDirectory';
import { OnboardingStore } from '../database/OnboardingStore';
import { PLUGIN_WRITER } from './eventWriters';
import {
  EXAMPLE_SERVICES,
  demoEvents,
  demoSurveyAnswers,
} from '../demo/demoEvents';

/**
 * Work that runs on one replica at a time through the scheduler: noticing components made from
 * golden paths whose service-created event DevEx did not receive (created before DevEx ran, or
 * while it was down), noting when users first appear in the catalog, and, in development, the
 * demo seed.
 */
export async function scheduleBackgroundWork(options: {
  scheduler: SchedulerService;
  ingest: IngestStore;
  surveys: SurveyStore;
  measures: PlatformMeasuresStore;
  onboarding: OnboardingStore;
  directory: ServiceDirectory;
  people: PeopleDirectory;
  logger: LoggerService;
  seedDemoData: boolean;
}) {
  const { scheduler, ingest, surveys, measures, directory, logger } = options;

  await scheduler.scheduleTask({
    id: 'devex-template-creations',
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      const known = new Set(
        (await measures.listServiceCreations()).map(c => c.entityRef),
      );
      for (const component of await directory.components()) {
        if (!component.templateRef || known.has(component.entityRef)) continue;
        await measures.recordServiceCreation({
          entityRef: component.entityRef,
          templateRef: component.templateRef,
          templateVersion: component.templateVersion,
          // Without a creation annotation, the first sighting stands in for the creation time.
          createdAt: component.createdAt ?? Date.now(),
          origin: 'catalog',
        });
      }
    },
  });

  // A user's first appearance in the catalog starts their onboarding (without a start date):
  // looked for every 10 minutes, so it is known to within that.
  await scheduler.scheduleTask({
    id: 'devex-user-sightings',
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 45 },
    fn: async () => {
      const people = await options.people.people(0);
      await options.onboarding.recordSightings(
        people.map(p => p.entityRef),
        Date.now(),
      );
    },
  });

  // GitHub redelivers within days; a month of delivery ids is plenty to recognise a replay.
  await scheduler.scheduleTask({
    id: 'devex-forget-github-deliveries',
    frequency: { hours: 24 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 5 },
    fn: async () => {
      await ingest.forgetDeliveries(Date.now() - 30 * 86_400_000);
    },
  });

  if (!options.seedDemoData) return;
  await scheduler.scheduleTask({
    id: 'devex-demo-seed',
    frequency: { hours: 6 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      let services: string[] = [];
      try {
        services = (await directory.components()).map(c => c.entityRef);
      } catch (error) {
        logger.info(
          `devex demo seed: catalog not ready (${error}), using the example services`,
        );
      }
      if (services.length === 0) services = EXAMPLE_SERVICES;
      const events = demoEvents({ services, now: Date.now() });
      for (let i = 0; i < events.length; i += MAX_EVENTS_PER_BATCH) {
        await ingest.ingest(events.slice(i, i + MAX_EVENTS_PER_BATCH), {
          writer: PLUGIN_WRITER,
          receivedAt: Date.now(),
        });
      }
      const answers = demoSurveyAnswers({ now: Date.now() });
      for (const answer of answers) {
        await surveys.recordAnswer({
          ...answer,
          source: DEMO_SOURCE,
          teamRef: null,
          demo: true,
        });
      }
      logger.info(
        `devex demo seed: ${events.length} events for ${services.length} services, ${answers.length} survey answers`,
      );
    },
  });
}
