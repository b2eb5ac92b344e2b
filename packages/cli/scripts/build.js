#!/usr/bin/env node
/*
 * Builds the installable `platform`: dist/platform.cjs, one CommonJS file with every dependency
 * inlined (the Paved -common packages it imports are workspace packages that no registry
 * serves), and dist/paved-cli-<version>.tgz, a package with that file as its `platform` bin and
 * no dependencies, for `npm install -g dist/paved-cli-<version>.tgz` on a developer's machine.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const dist = path.join(root, 'dist');
const staging = path.join(dist, 'package');

async function build() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });

  await esbuild.build({
    stdin: {
      contents:
        "require('./src/index').main(process.argv).then(code => { process.exitCode = code; });",
      resolveDir: root,
      sourcefile: 'platform.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile: path.join(staging, 'platform.cjs'),
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'external',
    logLevel: 'warning',
  });
  fs.chmodSync(path.join(staging, 'platform.cjs'), 0o755);

  fs.writeFileSync(
    path.join(staging, 'package.json'),
    `${JSON.stringify(
      {
        name: pkg.name,
        version: pkg.version,
        description: pkg.description,
        license: pkg.license,
        bin: { platform: 'platform.cjs' },
        engines: pkg.engines,
        files: ['platform.cjs', 'platform.cjs.LEGAL.txt', 'README.md'],
      },
      null,
      2,
    )}\n`,
  );
  fs.copyFileSync(
    path.join(root, 'README.md'),
    path.join(staging, 'README.md'),
  );
  fs.copyFileSync(
    path.join(staging, 'platform.cjs'),
    path.join(dist, 'platform.cjs'),
  );

  const tarball = execFileSync(
    'npm',
    ['pack', '--silent', '--pack-destination', dist, staging],
    {
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    },
  ).trim();
  process.stdout.write(`${path.join(dist, tarball.split('\n').pop())}\n`);
}

build().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
