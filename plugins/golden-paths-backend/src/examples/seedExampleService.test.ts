import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import { TEMPLATE_BRANCH } from '@paved/plugin-golden-paths-common';
import yaml from 'yaml';
import { committer, readFile } from '../__testUtils__/gitRepositories';
import { createTestRenderer, templateEntity } from '../__testUtils__/templates';
import { TemplateUpgrader } from '../upgrades/TemplateUpgrader';
import { EXAMPLE_SERVICE, seedExampleService } from './seedExampleService';

jest.setTimeout(120_000);

describe('seedExampleService', () => {
  const dir = createMockDirectory();
  const renderer = createTestRenderer();

  it('publishes inventory-api at 1.0.0 with a local edit, registers it once, and 1.1.0 is proposable', async () => {
    dir.clear();
    const gitHost = new LocalGitHost(dir.resolve('git'));
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async () => templateEntity('typescript-service'),
      addLocation: async () => ({
        location: {
          id: '1',
          type: 'url',
          target: '',
          entityRef: 'location:default/x',
        },
        entities: [],
      }),
    });
    const deps = {
      catalog,
      auth: mockServices.auth(),
      gitHost,
      renderer,
      committer,
      backendBaseUrl: 'http://localhost:7007',
      logger: mockServices.logger.mock(),
    };
    expect(await seedExampleService(deps)).toBe('seeded');
    expect(catalog.addLocation).toHaveBeenCalledWith(
      {
        type: 'url',
        target:
          'http://localhost:7007/api/githost/inventory-api/blob/main/catalog-info.yaml',
      },
      expect.anything(),
    );
    const catalogInfo = yaml.parse(
      await readFile(gitHost, 'inventory-api', 'main', 'catalog-info.yaml'),
    );
    expect(catalogInfo.metadata).toMatchObject({
      name: 'inventory-api',
      description: expect.stringMatching(/^Example data: /),
      annotations: {
        'paved.dev/template': EXAMPLE_SERVICE.templateRef,
        'paved.dev/template-version': '1.0.0',
      },
    });
    expect(catalogInfo.spec.owner).toBe('group:default/payments');
    expect(
      await readFile(gitHost, 'inventory-api', 'main', 'README.md'),
    ).toContain('## Example data');
    const git = (...args: string[]) =>
      gitText([
        `--git-dir=${gitHost.repositoryPath('inventory-api')}`,
        ...args,
      ]);
    // paved/template is the first commit; the edit sits on main above it.
    expect(await git('rev-parse', `${TEMPLATE_BRANCH}`)).toBe(
      await git('rev-parse', 'main^'),
    );

    // A restart finds everything in place.
    catalog.addLocation.mockRejectedValueOnce(
      Object.assign(new Error('Location already exists'), {
        name: 'ConflictError',
      }),
    );
    expect(await seedExampleService(deps)).toBe('present');
    expect(await git('rev-list', '--count', 'main')).toBe('2');

    const upgrade = await new TemplateUpgrader({ renderer, committer }).prepare(
      {
        gitDir: gitHost.repositoryPath('inventory-api'),
        template: templateEntity('typescript-service'),
        defaultBranch: 'main',
      },
    );
    expect(upgrade).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      conflicts: [],
    });
  });
});
