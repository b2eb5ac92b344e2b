import fs from 'node:fs/promises';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { LINEAGE_FILE } from '@paved/plugin-golden-paths-common';
import yaml from 'yaml';
import {
  createTestRenderer,
  serviceInputs,
  templateEntity,
} from '../__testUtils__/templates';

jest.setTimeout(60_000);

describe('.paved/template.yaml', () => {
  const dir = createMockDirectory();

  it('records the inputs a task gave, leaving out those it did not, so a re-render is identical', async () => {
    dir.clear();
    const renderer = createTestRenderer();
    const source = await renderer.source(templateEntity('typescript-service'));
    // Without a database the task's database step is skipped: its outputs are undefined.
    const inputs = serviceInputs('orders', {
      templateVersion: '1.1.0',
      databaseRef: undefined,
      databaseName: undefined,
      databaseSecret: undefined,
    });
    await renderer.render({
      source,
      inputs,
      targetDirectory: dir.resolve('first'),
    });
    const recorded = yaml.parse(
      await fs.readFile(dir.resolve(`first/${LINEAGE_FILE}`), 'utf8'),
    ).inputs;
    expect(recorded).not.toHaveProperty('databaseRef');
    expect(recorded).toMatchObject({ name: 'orders', httpPort: 8080 });

    await renderer.render({
      source,
      inputs: recorded,
      targetDirectory: dir.resolve('again'),
    });
    for (const file of [
      'chart/values.yaml',
      'catalog-info.yaml',
      LINEAGE_FILE,
    ]) {
      expect(await fs.readFile(dir.resolve(`again/${file}`), 'utf8')).toBe(
        await fs.readFile(dir.resolve(`first/${file}`), 'utf8'),
      );
    }
  });
});
