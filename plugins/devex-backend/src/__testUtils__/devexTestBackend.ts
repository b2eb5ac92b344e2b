import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  BackendFeature,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventsService,
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { devexPlugin } from '../plugin';

/**
 * A backend with the devex plugin, the real events service (Backstage's own factory, shared by all
 * plugins of the backend; the test backend's default is a separate mock per plugin), a catalog of the given
 * entities and a recording notification service, for tests that go through HTTP and events.
 * `features` adds other plugins (provisioning, the scaffolder) to the same backend.
 */
export async function startDevexTestBackend(options: {
  entities?: Entity[];
  config?: JsonObject;
  features?: BackendFeature[];
}) {
  let events: EventsService | undefined;
  const notifications: Array<unknown> = [];
  // A stand-in for another plugin: it holds the events service as any plugin would.
  const publisher = createBackendPlugin({
    pluginId: 'test-publisher',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init(deps) {
          events = deps.events;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      devexPlugin,
      publisher,
      eventsServiceFactory,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(notification: unknown) {
            notifications.push(notification);
          },
        }),
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    notifications,
    /** Publishes as another plugin would, through the events service. */
    publish: (topic: string, eventPayload: unknown) =>
      events!.publish({ topic, eventPayload }),
  };
}
