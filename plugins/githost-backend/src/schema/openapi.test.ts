import fs from 'node:fs';
import YAML from 'yaml';
import { spec } from './openapi.generated';

// The generator is a plain Node script, shared with `yarn generate:openapi`.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { renderOpenApiArtifacts } = require('../../scripts/generate-openapi');

describe('the OpenAPI contract', () => {
  it('is what the router validates against', () => {
    expect(spec).toEqual(
      YAML.parse(fs.readFileSync(`${__dirname}/openapi.yaml`, 'utf8')),
    );
  });

  it('has up-to-date generated files (run yarn generate:openapi)', async () => {
    const files: Record<string, string> = await renderOpenApiArtifacts();
    for (const [file, content] of Object.entries(files)) {
      expect({ file, content: fs.readFileSync(file, 'utf8') }).toEqual({
        file,
        content,
      });
    }
  });
});
