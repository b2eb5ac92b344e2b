import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DefaultEventsService,
  EventParams,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { LocalGitHost } from '@paved/plugin-githost-node';
import type { Knex } from 'knex';
import { gitHostPlugin } from '../plugin';
import { APP_BASE_URL, BACKEND_BASE_URL, entities } from './repositories';

/**
 * The githost plugin in a test backend: the local git host in `gitDirectory`, the example
 * organisation in a mock catalog, requests without a token anonymous, and every event published
 * collected in `events`.
 */
export async function startGitHostBackend(options: {
  gitDirectory: string;
  /** Listen on a real port (for the git CLI); the default lets supertest bind one per request. */
  port?: number;
  /** The plugin's database (from TestDatabases); the test backend's SQLite by default. */
  database?: Knex;
}) {
  const published: EventParams[] = [];
  const events = DefaultEventsService.create({
    logger: mockServices.logger.mock(),
  });
  await events.subscribe({
    id: 'test-recorder',
    topics: ['githost.merge-request'],
    onEvent: async event => {
      published.push(event);
    },
  });
  const backend = await startTestBackend({
    features: [
      gitHostPlugin,
      catalogServiceMock.factory({ entities }),
      ...(options.database
        ? [mockServices.database.factory({ knex: options.database })]
        : []),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => events,
      }),
      // A request without a token is anonymous (the test backend's default is a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: APP_BASE_URL },
          backend: {
            baseUrl: BACKEND_BASE_URL,
            ...(options.port !== undefined && {
              listen: { port: options.port },
            }),
          },
          paved: { gitHost: { directory: options.gitDirectory } },
          scaffolder: {
            defaultAuthor: { name: 'Paved', email: 'paved@example.com' },
          },
        },
      }),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    gitHost: new LocalGitHost(options.gitDirectory),
    published,
  };
}

export const sam = mockCredentials.user.header('user:default/sam.rivera');
export const lee = mockCredentials.user.header('user:default/lee.chen');
export const priya = mockCredentials.user.header(
  'user:default/priya.natarajan',
);
/** The golden-paths plugin calling with its own service token. */
export const goldenPathsPlugin = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:golden-paths'),
  targetPluginId: 'githost',
});
