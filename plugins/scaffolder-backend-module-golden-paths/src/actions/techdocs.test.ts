import fs from 'node:fs/promises';
import yaml from 'yaml';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  LocalGitHost,
  LocalGitHostUrlReader,
} from '@paved/plugin-githost-node';
import { cloneAndLog } from '@paved/plugin-githost-node/testUtils';
import {
  GoldenPathSettings,
  TeamMembership,
} from '@paved/plugin-golden-paths-node';
import { commitExamples, createCommitAction } from './commit';
import {
  createEnableTechDocsAction,
  enableTechDocsExamples,
} from './enableTechDocs';

jest.setTimeout(60_000);

const CATALOG_INFO = `# The ledger keeps every payment's double entry.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger-service
  annotations:
    backstage.io/kubernetes-id: ledger-service
spec:
  type: service
  lifecycle: production
  owner: payments
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ledger-api
spec:
  type: openapi
  lifecycle: production
  owner: payments
  definition: "openapi: 3.0.0"
`;

const location =
  'url:http://localhost:7007/api/githost/ledger-service/blob/main/catalog-info.yaml';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
  };
}

/** Sam Rivera, a developer in the payments team, as the catalog sees him. */
const samEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'sam.rivera' },
  spec: {
    profile: { displayName: 'Sam Rivera', email: 'sam.rivera@example.com' },
    memberOf: ['payments'],
  },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
};

const entities = [
  component('ledger-service', { 'backstage.io/managed-by-location': location }),
  component('payments-api', {
    'backstage.io/managed-by-location': location,
    'backstage.io/techdocs-ref': 'dir:.',
  }),
  component('checkout-web', {
    'backstage.io/managed-by-location': 'file:/work/catalog/components.yaml',
  }),
  component('storefront-catalog', {
    'backstage.io/managed-by-location':
      'url:https://github.com/paved-org/storefront/blob/main/services/catalog/catalog-info.yaml',
  }),
  samEntity,
];

describe('add-techdocs actions', () => {
  const dir = createMockDirectory();
  let gitHost: LocalGitHost;
  let settings: GoldenPathSettings;
  const sam = samEntity as any;

  beforeEach(async () => {
    dir.clear();
    settings = {
      backendBaseUrl: 'http://localhost:7007',
      publishTarget: 'local',
      committer: { name: 'Paved', email: 'paved@example.com' },
    };
    gitHost = new LocalGitHost(dir.resolve('git'));
    dir.addContent({
      seed: { 'catalog-info.yaml': CATALOG_INFO, 'README.md': '# Ledger\n' },
    });
    await gitHost.publish({
      name: 'ledger-service',
      sourceDirectory: dir.resolve('seed'),
      author: settings.committer,
      committer: settings.committer,
      message: 'Initial commit',
      taskId: 'seed',
    });
  });

  const reader = () =>
    UrlReaders.create({
      logger: mockServices.logger.mock(),
      config: mockServices.rootConfig({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
        },
      }),
      factories: [
        LocalGitHostUrlReader.factory(gitHost),
        // Stands in for the GitHub integration: answers with the same file.
        () => [
          {
            predicate: url => url.host === 'github.com',
            reader: {
              read: async () =>
                Buffer.from(
                  CATALOG_INFO.replace(/ledger-service/g, 'storefront-catalog'),
                ),
              readUrl: async () => ({
                buffer: async () =>
                  Buffer.from(
                    CATALOG_INFO.replace(
                      /ledger-service/g,
                      'storefront-catalog',
                    ),
                  ),
              }),
              readTree: async () => {
                throw new Error('unused');
              },
              search: async () => {
                throw new Error('unused');
              },
            } as any,
          },
        ],
      ],
    });

  it('enables TechDocs and commits it on top of the repository, once', async () => {
    const catalog = catalogServiceMock({ entities });
    const refresh = jest.spyOn(catalog, 'refreshEntity');
    const enable = createEnableTechDocsAction({
      catalog,
      reader: reader(),
      settings,
    });
    const commit = createCommitAction({
      gitHost,
      catalog,
      membership: new TeamMembership({ catalog, platformTeam: 'platform' }),
      settings,
    });
    const workspacePath = dir.resolve('workspace');

    const enableCtx = createMockActionContext({
      input: yaml.parse(enableTechDocsExamples[0].example).steps[0].input,
      workspacePath,
    });
    await enable.handler(enableCtx as any);
    expect(enableCtx.output).toHaveBeenCalledWith('target', 'local');
    expect(enableCtx.output).toHaveBeenCalledWith(
      'repository',
      'ledger-service',
    );
    expect(enableCtx.output).toHaveBeenCalledWith('docsPath', '');
    expect(enableCtx.output).toHaveBeenCalledWith(
      'docsPagePath',
      '/docs/default/component/ledger-service',
    );

    const written = await fs.readFile(
      `${workspacePath}/catalog-info.yaml`,
      'utf8',
    );
    // The comment and the second document survive; only the annotation is added.
    expect(written).toContain(
      "# The ledger keeps every payment's double entry.",
    );
    const [componentDoc, apiDoc] = yaml
      .parseAllDocuments(written)
      .map(d => d.toJSON());
    expect(componentDoc.metadata.annotations).toEqual({
      'backstage.io/kubernetes-id': 'ledger-service',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(apiDoc.metadata.name).toBe('ledger-api');

    await fs.mkdir(`${workspacePath}/docs`, { recursive: true });
    await fs.writeFile(`${workspacePath}/docs/index.md`, '# Ledger docs\n');
    await fs.writeFile(`${workspacePath}/mkdocs.yml`, 'site_name: Ledger\n');

    const commitInput = yaml.parse(commitExamples[0].example).steps[0].input;
    const run = async () => {
      const ctx = createMockActionContext({
        input: commitInput,
        workspacePath,
        task: { id: 'task-docs' },
        user: { entity: sam, ref: 'user:default/sam.rivera' },
      });
      await commit.handler(ctx as any);
      return (ctx.output as jest.Mock).mock.calls.find(
        c => c[0] === 'commitHash',
      )[1];
    };
    const first = await run();
    const retry = await run();
    expect(retry).toBe(first);
    expect(refresh).toHaveBeenCalledWith(
      'component:default/ledger-service',
      expect.anything(),
    );

    const { log, files } = await cloneAndLog(
      gitHost.remoteUrl('ledger-service'),
      dir.resolve('clone'),
    );
    expect(log).toEqual([
      'Sam Rivera <sam.rivera@example.com>|Paved|Add TechDocs',
      'Paved <paved@example.com>|Paved|Initial commit',
    ]);
    // Files the workspace did not contain (README.md) stay in the repository.
    expect(files).toEqual([
      'README.md',
      'catalog-info.yaml',
      'docs/index.md',
      'mkdocs.yml',
    ]);
  });

  it('gives GitHub-hosted components to publish:github:pull-request', async () => {
    const enable = createEnableTechDocsAction({
      catalog: catalogServiceMock({ entities }),
      reader: reader(),
      settings,
    });
    const ctx = createMockActionContext({
      input: { entityRef: 'storefront-catalog' },
      workspacePath: dir.resolve('workspace'),
    });
    await enable.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('target', 'github');
    expect(ctx.output).toHaveBeenCalledWith(
      'repoUrl',
      'github.com?owner=paved-org&repo=storefront',
    );
    expect(ctx.output).toHaveBeenCalledWith('docsPath', 'services/catalog');
    const written = await fs.readFile(
      dir.resolve('workspace/services/catalog/catalog-info.yaml'),
      'utf8',
    );
    expect(written).toContain('backstage.io/techdocs-ref: dir:.');
  });

  it.each([
    [
      'component:default/nope',
      /^entityRef: component:default\/nope does not exist in the catalog/,
    ],
    [
      'payments-api',
      /^entityRef: component:default\/payments-api already has TechDocs/,
    ],
    [
      'checkout-web',
      /^entityRef: component:default\/checkout-web is defined in file:/,
    ],
    ['../../etc/passwd', /^entityRef: /],
  ])('refuses %s', async (entityRef, message) => {
    const enable = createEnableTechDocsAction({
      catalog: catalogServiceMock({ entities }),
      reader: reader(),
      settings,
    });
    const ctx = createMockActionContext({
      input: { entityRef },
      workspacePath: dir.resolve('workspace'),
    });
    await expect(enable.handler(ctx as any)).rejects.toThrow(message);
  });

  const ledger = 'component:default/ledger-service';
  it.each([
    [
      { repoName: '../../etc/passwd', entityRef: ledger, message: 'x' },
      /^repoName: '..\/..\/etc\/passwd' must match/,
    ],
    [
      { repoName: 'missing', entityRef: ledger, message: 'x' },
      /^repoName: component:default\/ledger-service is not defined in repository 'missing'/,
    ],
    [
      { repoName: 'ledger-service', entityRef: 'nope', message: 'x' },
      /^entityRef: component:default\/nope does not exist in the catalog/,
    ],
    [
      {
        repoName: 'ledger-service',
        entityRef: ledger,
        message: 'x',
        sourcePath: '../../etc',
      },
      /outside/i,
    ],
  ])('paved:commit refuses %j', async (input, message) => {
    const catalog = catalogServiceMock({ entities });
    const commit = createCommitAction({
      gitHost,
      catalog,
      membership: new TeamMembership({ catalog, platformTeam: 'platform' }),
      settings,
    });
    const ctx = createMockActionContext({
      input,
      workspacePath: dir.resolve('workspace'),
      user: { entity: sam, ref: 'user:default/sam.rivera' },
    });
    await expect(commit.handler(ctx as any)).rejects.toThrow(message);
  });
});
