import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import eventsBackend from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import Router from 'express-promise-router';
import { PROVISIONING_REQUEST_TOPIC } from '@paved/plugin-provisioning-common';
import { catalogModuleProvisioning } from './module';

// Stands in for the provisioning backend: the module's entity provider asks it for ready requests.
function fakeProvisioning(calls: string[]) {
  return createBackendPlugin({
    pluginId: 'provisioning',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = Router();
          router.get('/requests', (req, res) => {
            calls.push(req.url);
            res.json({ items: [] });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

describe('catalogModuleProvisioning', () => {
  it('receives provisioning events published by another backend instance through the events hub', async () => {
    const calls: string[] = [];
    const { server } = await startTestBackend({
      features: [
        catalogBackend,
        eventsBackend,
        // The real events service, which reaches the hub over HTTP (the test backend's mock is
        // in-process only).
        eventsServiceFactory,
        catalogModuleProvisioning,
        fakeProvisioning(calls),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            // Short long-polls, so the backend stops within the test's time.
            events: { notifyTimeoutMs: 1000 },
          },
        }),
      ],
    });
    const { port } = server.address() as { port: number };

    // Another replica publishes on the hub; nobody in this process was notified. The scheduled
    // refresh waits 15 s, so within this window only the event can make the provider ask.
    const publish = () =>
      fetch(`http://localhost:${port}/api/events/bus/v1/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.service.header({
            onBehalfOf: mockCredentials.service('plugin:provisioning'),
            targetPluginId: 'events',
          }),
        },
        body: JSON.stringify({
          event: {
            topic: PROVISIONING_REQUEST_TOPIC,
            payload: {
              requestId: '8d3c1b7e-9f0a-4f3e-8a61-0d2b5c4e7f10',
              status: 'ready',
              action: 'provisioned',
              actor: 'plugin:provisioning',
              owner: 'group:default/payments',
              environment: 'development',
              provider: 'sandbox',
              requestedBy: 'user:default/sam.rivera',
              humanStep: false,
              occurredAt: '2026-12-08T10:00:00.000Z',
            },
          },
          notifiedSubscribers: [],
        }),
      });
    // The subscription is made right after start-up; publish until it is there to receive.
    const deadline = Date.now() + 8000;
    while (calls.length === 0 && Date.now() < deadline) {
      const response = await publish();
      expect([201, 204]).toContain(response.status); // 204: no subscriber yet
      await new Promise(resolve => setTimeout(resolve, 250));
    }

    expect(calls).toContain('/requests?status=ready');
  }, 30_000);
});
