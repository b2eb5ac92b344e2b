import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  SERVICE_CREATED_TOPIC,
  serviceCreatedEventSchema,
} from '@paved/plugin-golden-paths-common';
import type { ScorecardsEngine } from '../evaluation/ScorecardsEngine';
import type { FactCollection } from '../facts/FactCollection';

/** A service created by a golden path is measured at once, not at the next catalog sync. */
export async function measureCreatedServices(options: {
  events: EventsService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  collection: FactCollection;
  engine: ScorecardsEngine;
}): Promise<void> {
  const { events, catalog, auth, logger, collection, engine } = options;
  await events.subscribe({
    id: 'scorecards-service-created',
    topics: [SERVICE_CREATED_TOPIC],
    async onEvent(params) {
      const parsed = serviceCreatedEventSchema.safeParse(params.eventPayload);
      if (!parsed.success) {
        logger.warn(
          `Ignored a ${SERVICE_CREATED_TOPIC} event that does not match its schema: ${parsed.error.message}`,
        );
        return;
      }
      const entity = await catalog.getEntityByRef(parsed.data.entityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      if (!entity) return;
      await collection.track(entity);
      await engine.evaluateStale();
    },
  });
}
