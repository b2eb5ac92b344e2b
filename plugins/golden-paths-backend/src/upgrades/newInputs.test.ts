import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import { upgradeSchema } from '@paved/plugin-golden-paths-common';
import request from 'supertest';
import yaml from 'yaml';
import { publishRenderedService } from '../examples/publishRenderedService';
import {
  commitEdit,
  committer,
  readFile,
} from '../__testUtils__/gitRepositories';
import {
  createTestRenderer,
  serviceInputs,
  templateAddingInput,
} from '../__testUtils__/templates';
import {
  generatedComponent,
  sam,
  startUpgradeBackend,
} from '../__testUtils__/upgradeBackend';
import {
  MissingTemplateInputsError,
  TemplateUpgrader,
} from './TemplateUpgrader';

jest.setTimeout(120_000);

/** A repository made at 1.1.0 of `template`, whose 1.2.0 adds the `tier` input. */
async function createServiceAt110(
  gitHost: LocalGitHost,
  template: Entity,
  name: string,
) {
  return publishRenderedService({
    renderer: createTestRenderer(),
    gitHost,
    template,
    version: '1.1.0',
    inputs: serviceInputs(name),
    repository: name,
    committer,
    taskId: `test-${name}`,
  });
}

describe('a new template version that adds an input', () => {
  const dir = createMockDirectory();
  let gitHost: LocalGitHost;
  // A renderer per test: it keeps a template's sources by ref and version for the process.
  let upgrader: TemplateUpgrader;

  beforeEach(() => {
    dir.clear();
    gitHost = new LocalGitHost(dir.resolve('git'));
    upgrader = new TemplateUpgrader({
      renderer: createTestRenderer(),
      committer,
    });
  });

  it('renders the input with its default, records it, and says so', async () => {
    const template = await templateAddingInput(dir.resolve('templates'), {
      withDefault: true,
    });
    await createServiceAt110(gitHost, template, 'orders');
    const lineageAt110 = yaml.parse(
      await readFile(gitHost, 'orders', 'main', '.paved/template.yaml'),
    );
    expect(lineageAt110.inputs).not.toHaveProperty('tier');

    const upgrade = await upgrader.prepare({
      gitDir: gitHost.repositoryPath('orders'),
      template,
      defaultBranch: 'main',
    });
    expect(upgrade).toMatchObject({
      fromVersion: '1.1.0',
      toVersion: '1.2.0',
      conflicts: [],
      defaulted: ['tier'],
    });
    expect(
      await readFile(gitHost, 'orders', upgrade.branch, 'docs/tier.md'),
    ).toContain('This service is standard.');
    const lineage = yaml.parse(
      await readFile(gitHost, 'orders', upgrade.branch, '.paved/template.yaml'),
    );
    expect(lineage).toMatchObject({
      version: '1.2.0',
      inputs: { tier: 'standard', name: 'orders' },
    });
  });

  it('refuses to render a required input without a default, naming it, and writes nothing', async () => {
    const template = await templateAddingInput(dir.resolve('templates'), {
      withDefault: false,
    });
    await createServiceAt110(gitHost, template, 'orders');
    const gitDir = gitHost.repositoryPath('orders');
    const before = await gitText([
      `--git-dir=${gitDir}`,
      'for-each-ref',
      '--format=%(refname) %(objectname)',
    ]);
    const attempt = upgrader.prepare({
      gitDir,
      template,
      defaultBranch: 'main',
    });
    await expect(attempt).rejects.toThrow(MissingTemplateInputsError);
    await expect(attempt).rejects.toMatchObject({
      inputs: ['tier'],
      message:
        'template:default/typescript-service 1.2.0 needs inputs that .paved/template.yaml does not record and that have no default: tier; add them under inputs: in .paved/template.yaml on the default branch',
    });
    expect(
      await gitText([
        `--git-dir=${gitDir}`,
        'for-each-ref',
        '--format=%(refname) %(objectname)',
      ]),
    ).toBe(before);
  });

  it('through HTTP: the proposal waits, needing attention with the missing input shown in the drift view, until the owners record it', async () => {
    const template = await templateAddingInput(dir.resolve('templates'), {
      withDefault: false,
    });
    await createServiceAt110(gitHost, template, 'orders');
    const backend = await startUpgradeBackend({
      gitDirectory: dir.resolve('git'),
      templates: [template],
      components: [generatedComponent('orders', { version: '1.1.0' })],
    });
    try {
      const propose = () =>
        request(backend.server)
          .post('/api/golden-paths/upgrades')
          .set('authorization', sam)
          .send({ entityRef: 'component:default/orders' });

      const waiting = await propose();
      expect(waiting.status).toBe(201);
      const upgrade = upgradeSchema.parse(waiting.body);
      expect(upgrade).toMatchObject({
        status: 'needs-attention',
        missingInputs: ['tier'],
        conflicts: [],
      });
      expect(upgrade.changeUrl).toBeUndefined();

      const drift = await request(backend.server)
        .get('/api/golden-paths/drift')
        .set('authorization', sam);
      expect(drift.body.items[0].components[0]).toMatchObject({
        entityRef: 'component:default/orders',
        state: 'needs-attention',
        upgrade: { id: upgrade.id, missingInputs: ['tier'] },
      });
      expect(backend.notifications).toEqual([
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/payments'],
          },
          payload: expect.objectContaining({
            title:
              'Template upgrade needs inputs: component:default/orders to template:default/typescript-service 1.2.0',
            severity: 'high',
            link: '/template-drift',
          }),
        }),
      ]);
      expect(backend.notifications[0].payload.description).toContain(
        'no default: tier.',
      );

      // Proposing again before the input is recorded changes nothing and tells nobody again.
      expect((await propose()).body).toMatchObject({
        id: upgrade.id,
        status: 'needs-attention',
        missingInputs: ['tier'],
      });
      expect(backend.notifications).toHaveLength(1);

      // The owners record the input; proposing again takes the same proposal up.
      await commitEdit(gitHost, 'orders', {
        '.paved/template.yaml': text => `${text.trimEnd()}\n  tier: "critical"`,
      });
      const opened = await propose();
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        id: upgrade.id,
        status: 'open',
        conflicts: [],
        changeUrl: 'http://localhost:3000/git/orders/merge-requests/1',
      });
      expect(opened.body).not.toHaveProperty('missingInputs');
      expect(
        await readFile(
          gitHost,
          'orders',
          'paved/upgrade-1.2.0',
          'docs/tier.md',
        ),
      ).toContain('This service is critical.');
      expect(backend.notifications.map(n => n.payload.title)).toEqual([
        'Template upgrade needs inputs: component:default/orders to template:default/typescript-service 1.2.0',
        'Template upgrade proposed: component:default/orders to template:default/typescript-service 1.2.0',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
