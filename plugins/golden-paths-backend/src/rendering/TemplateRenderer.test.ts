import fs from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  LINEAGE_FILE,
  templateLineageFileSchema,
} from '@paved/plugin-golden-paths-common';
import yaml from 'yaml';
import {
  SERVICE_TEMPLATES,
  createTestRenderer,
  serviceInputs,
  templateEntity,
} from '../__testUtils__/templates';

jest.setTimeout(120_000);

describe('TemplateRenderer', () => {
  const dir = createMockDirectory();
  const renderer = createTestRenderer();
  beforeEach(() => dir.clear());

  it.each(SERVICE_TEMPLATES)(
    'renders %s at its current version and at 1.0.0 from history',
    async name => {
      const template = templateEntity(name);
      const language = name.split('-')[0];
      const inputs = serviceInputs('orders', {
        templateRef: `template:default/${name}`,
        language,
      });

      const current = await renderer.source(template);
      expect(current.version).toBe('1.1.0');
      await renderer.render({
        source: current,
        inputs: { ...inputs, templateVersion: '1.1.0' },
        targetDirectory: dir.resolve('current'),
      });
      const old = await renderer.source(template, '1.0.0');
      await renderer.render({
        source: old,
        inputs,
        targetDirectory: dir.resolve('old'),
      });

      const read = (p: string) => fs.readFile(dir.resolve(p), 'utf8');
      // 1.1.0 added Dependabot and the runbook's section about it; 1.0.0 has neither.
      expect(await read('current/.github/dependabot.yml')).toContain(
        'package-ecosystem: ',
      );
      await expect(read('old/.github/dependabot.yml')).rejects.toThrow(
        /ENOENT/,
      );
      expect(await read('current/docs/runbook.md')).toContain(
        '## Dependency updates',
      );
      expect(await read('old/docs/runbook.md')).not.toContain(
        'Dependency updates',
      );
      // Both record how they were made, with the version each was rendered at.
      const lineage = templateLineageFileSchema.parse(
        yaml.parse(await read(`old/${LINEAGE_FILE}`)),
      );
      expect(lineage).toEqual({
        apiVersion: 'paved.dev/v1alpha1',
        kind: 'TemplateLineage',
        template: `template:default/${name}`,
        version: '1.0.0',
        inputs: expect.objectContaining({ name: 'orders', language }),
      });
      expect(yaml.parse(await read(`current/${LINEAGE_FILE}`)).version).toBe(
        '1.1.0',
      );
      // Helm templates are copied verbatim, as fetch:template's copyWithoutTemplating says.
      expect(await read('current/chart/templates/deployment.yaml')).toContain(
        '{{',
      );
    },
  );

  it('renders the same inputs to the same files (an upgrade diff shows only the template change)', async () => {
    const template = templateEntity('typescript-service');
    const source = await renderer.source(template);
    for (const target of ['a', 'b']) {
      await renderer.render({
        source,
        inputs: serviceInputs('orders', { templateVersion: '1.1.0' }),
        targetDirectory: dir.resolve(target),
      });
    }
    const files = async (root: string): Promise<string[]> =>
      (
        await fs.readdir(dir.resolve(root), {
          recursive: true,
          withFileTypes: true,
        })
      )
        .filter(entry => entry.isFile())
        .map(entry =>
          path.relative(
            dir.resolve(root),
            path.join(entry.parentPath, entry.name),
          ),
        )
        .sort();
    const a = await files('a');
    expect(a).toEqual(await files('b'));
    for (const file of a) {
      expect(await fs.readFile(dir.resolve(`b/${file}`), 'utf8')).toBe(
        await fs.readFile(dir.resolve(`a/${file}`), 'utf8'),
      );
    }
  });

  it('refuses a version newer than the template, or older than its history', async () => {
    const template = templateEntity('typescript-service');
    await expect(renderer.source(template, '2.0.0')).rejects.toThrow(
      /has no version 2.0.0/,
    );
    const withoutHistory = templateEntity('add-techdocs', { version: '1.1.0' });
    await expect(renderer.source(withoutHistory, '1.0.0')).rejects.toThrow(
      /keeps no history/,
    );
  });
});
