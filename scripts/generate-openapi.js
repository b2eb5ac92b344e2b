#!/usr/bin/env node
/*
 * Generates what is derived from a Paved backend plugin's one HTTP contract,
 * `plugins/<id>-backend/src/schema/openapi.yaml`:
 *   - `src/schema/openapi.generated.ts` in the backend plugin: the spec as a typed constant and
 *     `createOpenApiRouter`, which validates every request against it
 *     (@backstage/backend-openapi-utils) and types the router's handlers;
 *   - `plugins/<id>-common/src/schema/openapi.generated.ts`: request and response types
 *     (openapi-typescript) for clients, the portal and tests.
 * Backstage's `backstage-repo-tools package schema openapi generate --server` writes the first
 * file after running the Java OpenAPI generator, which these machines cannot download; this
 * script does the part Paved needs.
 *
 *   node scripts/generate-openapi.js plugins/devex-backend   # one plugin (its generate:openapi)
 *   yarn generate:openapi                                    # every backend plugin
 *   yarn lint:openapi   (--check: writes nothing, fails naming each stale file; part of make test)
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const prettier = require('prettier');

const ROOT = path.resolve(__dirname, '..');

function header(pluginDir) {
  const source = path.relative(
    ROOT,
    path.join(pluginDir, 'src/schema/openapi.yaml'),
  );
  return [
    '// ******************************************************************',
    '// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.',
    `// * Source: ${source}`,
    `// * Regenerate: node scripts/generate-openapi.js ${path.relative(
      ROOT,
      pluginDir,
    )}`,
    '// ******************************************************************',
    '',
  ].join('\n');
}

const camel = name =>
  name.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''));

/** `$ref`s to component schemas anywhere in `value`. */
function schemaRefs(value, found = new Set()) {
  if (Array.isArray(value)) value.forEach(v => schemaRefs(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (
        key === '$ref' &&
        typeof v === 'string' &&
        v.startsWith('#/components/schemas/')
      ) {
        found.add(v.slice('#/components/schemas/'.length));
      } else schemaRefs(v, found);
    }
  }
  return found;
}

/**
 * The typed spec for the router, split by concern so no file grows without bound: one file per
 * resource and sub-resource (the first two named segments of its paths) holding its paths and the schemas only it uses, and
 * `shared.generated.ts` with what several resources use; `openapi.generated.ts` assembles them.
 */
function serverFiles(dir, spec, head) {
  const schemas = spec.components?.schemas ?? {};
  const closure = names => {
    const all = new Set(names);
    for (const name of all)
      for (const ref of schemaRefs(schemas[name])) all.add(ref);
    return all;
  };
  const groups = new Map();
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    // The resource and, below it, the sub-resource: /requests/{id}/operations/... → requests-operations.
    const [resource = 'root', ...rest] = route.split('/').filter(Boolean);
    const sub = rest.find(segment => !segment.startsWith('{'));
    const group = sub ? `${resource}-${sub}` : resource;
    if (!groups.has(group)) groups.set(group, {});
    groups.get(group)[route] = item;
  }
  const usedBy = new Map();
  for (const [group, paths] of groups) {
    for (const name of closure(schemaRefs(paths))) {
      usedBy.set(name, [...(usedBy.get(name) ?? []), group]);
    }
  }
  const ownerOf = name =>
    usedBy.get(name)?.length === 1 ? usedBy.get(name)[0] : undefined;
  const out = {};
  const schemaDir = path.join(dir, 'src/schema/generated');
  const imports = [];
  const pathSpreads = [];
  const schemaSpreads = [];
  for (const [group, paths] of groups) {
    const id = camel(group);
    const own = Object.fromEntries(
      Object.entries(schemas).filter(([n]) => ownerOf(n) === group),
    );
    out[path.join(schemaDir, `${group}.generated.ts`)] = `${head}
/** The \`/${group}\` routes of the spec, and the schemas only they use. */
export const ${id}Paths = ${JSON.stringify(paths, null, 2)} as const;

export const ${id}Schemas = ${JSON.stringify(own, null, 2)} as const;
`;
    imports.push(
      `import { ${id}Paths, ${id}Schemas } from './generated/${group}.generated';`,
    );
    pathSpreads.push(`...${id}Paths`);
    schemaSpreads.push(`...${id}Schemas`);
  }
  const { paths: _paths, components = {}, ...document } = spec;
  const { schemas: _schemas, ...otherComponents } = components;
  const shared = Object.fromEntries(
    Object.entries(schemas).filter(([n]) => !ownerOf(n)),
  );
  out[path.join(schemaDir, 'shared.generated.ts')] = `${head}
/** The spec without its paths, and the components several resources use. */
export const document = ${JSON.stringify(document, null, 2)} as const;

export const sharedComponents = ${JSON.stringify(
    otherComponents,
    null,
    2,
  )} as const;

export const sharedSchemas = ${JSON.stringify(shared, null, 2)} as const;
`;
  out[path.join(dir, 'src/schema/openapi.generated.ts')] = `${head}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { document, sharedComponents, sharedSchemas } from './generated/shared.generated';
${imports.join('\n')}

/** The plugin's OpenAPI spec, assembled from its parts (see ./generated). */
export const spec = {
  ...document,
  paths: { ${pathSpreads.join(', ')} },
  components: {
    ...sharedComponents,
    schemas: { ...sharedSchemas, ${schemaSpreads.join(', ')} },
  },
} as const;

/** An express router that validates requests against {@link spec}, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
  return out;
}

/** The generated files of one backend plugin, absolute path → content. */
async function renderOpenApiArtifacts(pluginDir) {
  const dir = path.resolve(pluginDir);
  const specFile = path.join(dir, 'src/schema/openapi.yaml');
  // `merge`: a spec may write shared properties once and merge (<<) them where they recur.
  const spec = YAML.parse(fs.readFileSync(specFile, 'utf8'), { merge: true });
  const head = header(dir);
  const files = serverFiles(dir, spec, head);

  const commonDir = path.join(
    path.dirname(dir),
    `${path.basename(dir).replace(/-backend$/, '')}-common`,
  );
  // Types for clients go to the -common package when it has a src/schema/ folder for them.
  if (fs.existsSync(path.join(commonDir, 'src/schema'))) {
    const { default: openapiTS, astToString } = await import(
      'openapi-typescript'
    );
    // `discriminator` is there for the validator (ajv checks a payload only against the branch
    // its tag names). openapi-typescript would take the schema's name for the tag; without the
    // keyword each branch's own `const` is the tag, which is what the wire carries.
    const typesSpec = JSON.parse(JSON.stringify(spec), (key, value) =>
      key === 'discriminator' ? undefined : value,
    );
    // One file per concern: the routes (`paths`), the data shapes (`components`), the operations
    // (each route's parameters and answers), and the small rest beside the index that re-exports all.
    const nodes = await openapiTS(typesSpec, { alphabetize: true });
    const schemaDir = path.join(commonDir, 'src/schema');
    const parts = ['paths', 'components', 'operations'];
    const rest = [];
    for (const node of nodes) {
      const name = node.name?.escapedText;
      if (!parts.includes(name)) {
        rest.push(node);
        continue;
      }
      const text = astToString([node]);
      const imports = parts
        .filter(other => other !== name && text.includes(`${other}[`))
        .map(other => `import type { ${other} } from './${other}.generated';`);
      files[
        path.join(schemaDir, `${name}.generated.ts`)
      ] = `${head}/* eslint-disable */
${imports.join('\n')}

${text}`;
    }
    files[
      path.join(schemaDir, 'openapi.generated.ts')
    ] = `${head}/* eslint-disable */
${parts
  .map(part => `export type { ${part} } from './${part}.generated';`)
  .join('\n')}

${astToString(rest)}`;
  }

  const options = (await prettier.resolveConfig(specFile)) ?? {};
  const formatted = {};
  for (const [file, content] of Object.entries(files)) {
    formatted[file] = await prettier.format(content, {
      ...options,
      filepath: file,
    });
  }
  return formatted;
}

/** Backend plugins with a spec. */
function backendPluginsWithSpec() {
  const plugins = path.join(ROOT, 'plugins');
  return fs
    .readdirSync(plugins)
    .map(name => path.join(plugins, name))
    .filter(dir => fs.existsSync(path.join(dir, 'src/schema/openapi.yaml')));
}

module.exports = { renderOpenApiArtifacts, backendPluginsWithSpec };

if (require.main === module) {
  const check = process.argv.includes('--check');
  const dirs = process.argv.slice(2).filter(arg => arg !== '--check');
  (async () => {
    const stale = [];
    for (const dir of dirs.length ? dirs : backendPluginsWithSpec()) {
      for (const [file, content] of Object.entries(
        await renderOpenApiArtifacts(dir),
      )) {
        const name = path.relative(ROOT, file);
        if (check) {
          const current = fs.existsSync(file)
            ? fs.readFileSync(file, 'utf8')
            : undefined;
          if (current !== content) stale.push(name);
          continue;
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
        console.log(`wrote ${name}`);
      }
    }
    if (stale.length) {
      console.error(
        `Stale OpenAPI output (run yarn generate:openapi):\n  ${stale.join(
          '\n  ',
        )}`,
      );
      process.exit(1);
    }
    if (check) console.log('OpenAPI generated files are up to date');
  })().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
