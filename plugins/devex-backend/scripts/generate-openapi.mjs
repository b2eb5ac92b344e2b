/*
 * Generates the code that comes from src/schema/openapi.yaml, the plugin's one HTTP contract:
 *   - src/schema/openapi.generated.ts: the spec as a constant, for the router that validates
 *     every request against it (@backstage/backend-openapi-utils), typed by it;
 *   - ../devex-common/src/schema/openapi.generated.ts: request and response types, for the
 *     frontend client and the tests.
 * Run `yarn --cwd plugins/devex-backend generate:openapi` after changing the spec; a test fails
 * while the generated files are out of date.
 *
 * (Backstage's `backstage-repo-tools package schema openapi generate --server` writes the first
 * file too, but only after running OpenAPI Generator, a Java program it downloads; these machines
 * cannot download it.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const here = path.dirname(fileURLToPath(import.meta.url));
const specPath = path.resolve(here, '../src/schema/openapi.yaml');
const HEADER = `// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT BY HAND.              *
// * Source: plugins/devex-backend/src/schema/openapi.yaml          *
// * Regenerate: yarn --cwd plugins/devex-backend generate:openapi  *
// ******************************************************************
`;

/** The generated files, path → content (also used by the test that checks they are current). */
export async function generatedFiles() {
  const text = fs.readFileSync(specPath, 'utf8');
  const spec = yaml.load(text);
  const router = `${HEADER}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
  // `discriminator` is there for the validator (ajv then checks an event only against the shape
  // its tag names). openapi-typescript would take the schema's name for the tag; without the
  // keyword each branch's own `const` is the tag, which is what the wire carries.
  const typesSpec = JSON.parse(JSON.stringify(spec), (key, value) =>
    key === 'discriminator' ? undefined : value,
  );
  const types = `${HEADER}
${astToString(await openapiTS(typesSpec, { alphabetize: true }))}`;
  const files = {
    [path.resolve(here, '../src/schema/openapi.generated.ts')]: router,
    [path.resolve(here, '../../devex-common/src/schema/openapi.generated.ts')]:
      types,
  };
  const options = (await prettier.resolveConfig(specPath)) ?? {};
  return Object.fromEntries(
    Object.entries(files).map(([file, content]) => [
      file,
      prettier.format(content, { ...options, filepath: file }),
    ]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generatedFiles();
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
