/* Test wiring shared by the router and security tests of the scorecards backend. */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createBackendPlugin,
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Entity } from '@backstage/catalog-model';
import express from 'express';
import { scorecardsPlugin } from '../plugin';

export const SAM = 'user:default/sam.rivera';
export const PRIYA = 'user:default/priya.natarajan';
export const ALEX = 'user:default/alex.platform';
const GROUPS: Record<string, string[]> = {
  [SAM]: ['group:default/payments'],
  [PRIYA]: ['group:default/platform'],
  [ALEX]: ['group:default/platform'],
};

function component(
  name: string,
  extra: Partial<Entity['metadata']> = {},
  spec: object = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', etag: `${name}-1`, ...extra },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'payments',
      system: 'checkout',
      ...spec,
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      { type: 'partOf', targetRef: 'system:default/checkout' },
    ],
  };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { owner: 'payments' },
  },
  component('payments-api', {
    description: 'Takes payments',
    annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
  }),
  component('ledger', {}),
];

/** The checks of this test: catalog facts, CI coverage and one policy, in two levels. */
const definitionsConfig = {
  checks: [
    {
      id: 'has-system',
      title: 'System',
      description: 'd',
      fact: 'catalog.hasSystem',
      operator: '==',
      threshold: true,
      howToFix: 'Set spec.system',
    },
    {
      id: 'has-description',
      title: 'Description',
      description: 'd',
      fact: 'catalog.hasDescription',
      operator: '==',
      threshold: true,
      howToFix: 'Add one',
    },
    {
      id: 'has-docs',
      title: 'Docs',
      description: 'd',
      fact: 'catalog.hasDocs',
      operator: '==',
      threshold: true,
      howToFix: 'Add TechDocs',
      fixer: {
        id: 'add-techdocs',
        input: {
          component: '{{ entityRef }}',
          title: '{{ entity.metadata.name }}',
          summary: 'Docs',
        },
      },
    },
    {
      id: 'coverage',
      title: 'Coverage',
      description: 'd',
      fact: 'ci.coverage',
      operator: '>=',
      threshold: 80,
      howToFix: 'Test more',
    },
    {
      id: 'memory-limits',
      title: 'Memory limits',
      description: 'd',
      fact: 'policy.paved-require-memory-limit',
      operator: '==',
      threshold: 0,
      howToFix: 'Set limits',
    },
  ],
  scorecards: [
    {
      id: 'basics',
      title: 'Basics',
      description: 'd',
      levels: {
        bronze: ['has-system', 'has-description'],
        silver: ['has-docs', 'memory-limits'],
        gold: ['coverage'],
      },
    },
  ],
};

export function statuses(body: any): Record<string, string> {
  return Object.fromEntries(
    body.scorecards[0].checks.map((c: any) => [c.checkId, c.status]),
  );
}

/** Notifications the backend sent. */
export const send = jest.fn();
/** Tasks the fake scaffolder was asked to start. */
export const scaffolderTasks: Array<{
  templateRef: string;
  values: any;
  token: string;
}> = [];

/** Answers the scaffolder's task API as the real one does, so "Fix it" can be followed. */
const fakeScaffolder = createBackendPlugin({
  pluginId: 'scaffolder',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.use(express.json());
        router.post('/v2/tasks', (req, res) => {
          scaffolderTasks.push({
            ...req.body,
            token: String(req.headers.authorization),
          });
          res.status(201).json({ id: `task-${scaffolderTasks.length}` });
        });
        router.get('/v2/tasks/:id', (_req, res) =>
          res.json({ status: 'processing' }),
        );
        httpRouter.use(router);
      },
    });
  },
});

/** The scorecards plugin on a catalog of payments components, with users in two teams. */
export async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      scorecardsPlugin,
      fakeScaffolder,
      mockServices.rootConfig.factory({
        data: {
          scorecards: {
            ...definitionsConfig,
            templateFixers: [
              {
                id: 'add-techdocs',
                title: 'Add TechDocs',
                description: 'd',
                templateRef: 'template:default/add-techdocs',
              },
            ],
          },
        },
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
          };
        },
      }).factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
    ],
  });
  return server;
}

export const as = (user: string) => mockCredentials.user.header(user);
