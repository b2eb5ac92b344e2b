import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
// The real git host beside golden-paths, as in the portal: upgrades open merge requests on it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import gitHostPlugin from '@paved/plugin-githost-backend';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { goldenPathsPlugin } from '../plugin';
import { templateEntity } from './templates';

export const BACKEND_BASE_URL = 'http://localhost:7007';

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

function user(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

/** A component as the catalog serves it after reading it from its repository on the git host. */
export function generatedComponent(
  name: string,
  options: { version: string; owner?: string },
): Entity {
  const owner = options.owner ?? 'payments';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:${BACKEND_BASE_URL}/api/githost/${name}/blob/main/catalog-info.yaml`,
        'paved.dev/template': 'template:default/typescript-service',
        'paved.dev/template-version': options.version,
      },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

export const sam = mockCredentials.user.header('user:default/sam.rivera');
export const lee = mockCredentials.user.header('user:default/lee.chen');
/** A member of the platform team. */
export const priya = mockCredentials.user.header(
  'user:default/priya.natarajan',
);

/**
 * The golden-paths and githost plugins in one test backend: the local git host in
 * `gitDirectory`, the example organisation plus `components` in a mock catalog, one events service.
 */
export async function startUpgradeBackend(options: {
  gitDirectory: string;
  components: Entity[];
  /** The golden-path templates in the catalog (default: the TypeScript service of `templates/`). */
  templates?: Entity[];
  /** Replaces the recording notifications fake's send (which records, then calls this). */
  sendNotification?: (notification: NotificationSendOptions) => Promise<void>;
}) {
  // A recording fake of Backstage's notifications service: what the owners would receive.
  const notifications: NotificationSendOptions[] = [];
  const events = DefaultEventsService.create({
    logger: mockServices.logger.mock(),
  });
  const catalog = catalogServiceMock({
    entities: [
      group('payments'),
      group('search'),
      group('platform'),
      user('sam.rivera', ['payments']),
      user('lee.chen', ['search']),
      user('priya.natarajan', ['platform']),
      ...(options.templates ?? [templateEntity('typescript-service')]),
      ...options.components,
    ],
  });
  const refreshed: string[] = [];
  const refresh = catalog.refreshEntity.bind(catalog);
  catalog.refreshEntity = async (ref, opts) => {
    refreshed.push(ref);
    return refresh(ref, opts);
  };
  const backend = await startTestBackend({
    features: [
      goldenPathsPlugin,
      gitHostPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => events,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (notification: NotificationSendOptions) => {
            await options.sendNotification?.(notification);
            notifications.push(notification);
          },
        }),
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: BACKEND_BASE_URL },
          paved: { gitHost: { directory: options.gitDirectory } },
          scaffolder: {
            defaultAuthor: { name: 'Paved', email: 'paved@example.com' },
          },
          goldenPaths: { upgrades: { enabled: false } },
        },
      }),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    refreshed,
    notifications,
  };
}
