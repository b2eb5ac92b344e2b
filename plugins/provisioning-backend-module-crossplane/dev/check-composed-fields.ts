/*
 * Checks Paved's Crossplane Compositions against the CRDs of the provider release a cluster runs:
 * every field a Composition sets on a composed resource or reads from it must be declared there
 * (the API server drops an undeclared field; a patch from a missing field does nothing).
 *
 *   git clone --depth 1 --branch <release> https://github.com/crossplane-contrib/provider-upjet-aws /tmp/upjet-aws
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/provisioning-backend-module-crossplane/dev/check-composed-fields.ts /tmp/upjet-aws/package/crds
 *
 * Exit status 1 when a field is undeclared or a composed kind has no CRD in the folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { composedFieldProblems, KindSchemas } from '../src/composedFields';

async function main(crdDirectory: string | undefined) {
  if (!crdDirectory) {
    process.stderr.write(
      'usage: check-composed-fields.ts <folder with the provider CRDs>\n',
    );
    return 2;
  }
  const infrastructure = path.resolve(
    __dirname,
    '../../../infrastructure/crossplane',
  );
  const schemas = await KindSchemas.fromDirectory(infrastructure);
  const ours = schemas.size;
  await schemas.addDirectory(crdDirectory);
  process.stdout.write(
    `${schemas.size - ours} kind versions read from ${crdDirectory}\n`,
  );

  let failed = 0;
  for (const file of [
    'composition.yaml',
    'redis/composition.yaml',
    'legacy/composition.yaml',
    'snapshot/composition.yaml',
  ]) {
    const text = await fs.readFile(path.join(infrastructure, file), 'utf8');
    for (const document of parseAllDocuments(text)) {
      const composition = document.toJS();
      if (composition?.kind !== 'Composition') continue;
      const problems = composedFieldProblems(composition, schemas);
      failed += problems.length;
      process.stdout.write(
        `${file}: ${problems.length === 0 ? 'every field declared' : ''}\n`,
      );
      for (const p of problems) {
        process.stdout.write(
          `  ${p.resource} (${p.apiVersion} ${p.kind}, ${p.side}): ${
            p.problem === 'no-schema' ? 'no CRD for this kind' : p.field
          }\n`,
        );
      }
    }
  }
  return failed === 0 ? 0 : 1;
}

main(process.argv[2]).then(
  code => process.exit(code),
  error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
