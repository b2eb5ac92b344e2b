import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';

/**
 * The generated files must be what the generator makes of the spec today: a changed spec with
 * stale generated files would validate one contract and type another.
 */
describe('the generated OpenAPI files', () => {
  it('are up to date with src/schema/openapi.yaml', () => {
    const script = path.resolve(
      __dirname,
      '../../scripts/generate-openapi.mjs',
    );
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { generatedFiles } = await import(${JSON.stringify(
          script,
        )}); process.stdout.write(JSON.stringify(await generatedFiles()));`,
      ],
      { encoding: 'utf8' },
    );
    const expected: Record<string, string> = JSON.parse(output);
    expect(Object.keys(expected)).toHaveLength(2);
    for (const [file, content] of Object.entries(expected)) {
      expect({ file, content: fs.readFileSync(file, 'utf8') }).toEqual({
        file,
        content,
      });
    }
  });
});
