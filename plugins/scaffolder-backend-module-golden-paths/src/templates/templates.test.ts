import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import yaml from 'yaml';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  Entity,
  EntityPolicies,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  SERVICE_NAME_PATTERN,
  LINEAGE_FILE,
  templateLineageFileSchema,
} from '@paved/plugin-golden-paths-common';
import {
  DATABASE_CONNECTION_SECRET_KEYS,
  databaseConnectionSecretName,
  databaseResourceEntityRef,
} from '@paved/plugin-provisioning-common';
import scaffolderModuleProvisioning from '@paved/plugin-scaffolder-backend-module-provisioning';
import { scaffolderModuleGoldenPaths } from '../module';
import { gitHostUrlReaderFactory } from '@paved/plugin-githost-node';
import { LocalGitHost } from '@paved/plugin-githost-node';
import {
  dryRunTemplate,
  RenderedFile,
  writeRendered,
} from '../__testUtils__/renderTemplate';

const templatesRoot = path.resolve(__dirname, '../../../../templates');
const SERVICE_TEMPLATES = [
  'typescript-service',
  'python-service',
  'go-service',
];

function templateEntity(template: string) {
  return yaml.parse(
    fs.readFileSync(
      path.join(templatesRoot, template, 'template.yaml'),
      'utf8',
    ),
  );
}

/** The `enum` parameters of a template, read from its own form: every choice a user can make. */
function enumParameters(template: string): Record<string, string[]> {
  const options: Record<string, string[]> = {};
  for (const page of templateEntity(template).spec.parameters) {
    for (const [key, property] of Object.entries<any>(page.properties ?? {})) {
      if (Array.isArray(property.enum)) options[key] = property.enum;
    }
  }
  return options;
}

/** Every combination of a template's `enum` parameters. */
function optionCombinations(template: string): Array<Record<string, string>> {
  return Object.entries(enumParameters(template)).reduce<
    Array<Record<string, string>>
  >(
    (combinations, [key, values]) =>
      combinations.flatMap(c => values.map(v => ({ ...c, [key]: v }))),
    [{}],
  );
}

/** Where a rendered service is written, for the checks of its generated sources. */
const renderedName = (template: string, options: Record<string, unknown>) =>
  `${template}-${options.api ?? 'http'}-${options.database}`;

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments' },
    spec: { owner: 'payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger-service',
      annotations: {
        'backstage.io/managed-by-location':
          'url:http://localhost:7007/api/githost/ledger-service/blob/main/catalog-info.yaml',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'sam.rivera' },
    spec: { memberOf: ['payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
  },
];

/** Helm templates and GitHub workflows are copied verbatim; they carry their own {{ }} syntax. */
const VERBATIM = [/^chart\/templates\//, /^\.github\//];

const entityPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

function fileMap(files: RenderedFile[]) {
  return new Map(files.map(f => [f.path, f.content.toString('utf8')]));
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(
            path.join(dir, entry.name),
            path.posix.join(prefix, entry.name),
          )
        : [path.posix.join(prefix, entry.name)],
    );
}

async function expectValidComponent(
  content: string,
  expected: Record<string, string>,
) {
  const entity = yaml.parse(content) as Entity;
  await expect(entityPolicy.enforce(entity)).resolves.toBeDefined();
  await expect(componentEntityV1alpha1Validator.check(entity)).resolves.toBe(
    true,
  );
  for (const [key, value] of Object.entries(expected)) {
    expect(entity.metadata.annotations?.[key]).toBe(value);
  }
  return entity;
}

/** Debian's Python (its packages are in /usr/lib/python3/dist-packages), or undefined with a visible reason. */
function debianPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(
      python,
      ['-c', 'import prometheus_client, psycopg, psycopg_pool'],
      { encoding: 'utf8' },
    );
    if (!probe.error && probe.status === 0) return python;
  }
  const message =
    "Debian's python3-prometheus-client, python3-psycopg and python3-psycopg-pool are missing (scripts/install.sh --for-tests installs them)";
  // In CI the suite must run; elsewhere the skip is said out loud.
  if (process.env.CI) throw new Error(message);
  console.warn(`${message}: the generated Python service's tests are skipped`);
  return undefined;
}

type GoReport = {
  checked: string[];
  tested: number;
  skipped: Array<{ pkg: string; needs: string[] }>;
  failures: string[];
};

/**
 * Runs `go vet` and `go test` on a generated Go service as far as this machine allows: there is
 * no module proxy, so packages that import third-party modules (Prometheus, gRPC, pgx) cannot be
 * built, nor packages that need a newer standard library than the Go here (Debian 12's 1.19 has no
 * `log/slog`); every other package is vetted and tested with the real toolchain. The go.mod is copied
 * without its `require` block (the module path is kept), so the local packages resolve.
 */
function checkGoService(directory: string): GoReport | undefined {
  const version = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (version.error) {
    const message = `go not available (${version.error.message}): the Go service's go vet/go test cannot run`;
    if (process.env.CI) throw new Error(message);
    console.warn(message);
    return undefined;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-go-'));
  try {
    fs.cpSync(directory, work, { recursive: true });
    const goMod = fs.readFileSync(path.join(work, 'go.mod'), 'utf8');
    const modulePath = /^module (\S+)$/m.exec(goMod)![1];
    fs.writeFileSync(
      path.join(work, 'go.mod'),
      `module ${modulePath}\n\ngo 1.19\n`,
    );
    const env = {
      ...process.env,
      GOFLAGS: '-mod=mod',
      GOPROXY: 'off',
      GOTOOLCHAIN: 'local',
      GOCACHE: path.join(work, '.cache'),
      GOPATH: path.join(work, '.gopath'),
    };
    const listed = spawnSync(
      'go',
      [
        'list',
        '-e',
        '-f',
        '{{.ImportPath}}\t{{join .Imports " "}}\t{{join .TestImports " "}}\t{{len .TestGoFiles}}',
        './...',
      ],
      { cwd: work, env, encoding: 'utf8' },
    );
    // The standard library of the Go here (Debian's is 1.19: no log/slog, which needs 1.21).
    const std = new Set(
      spawnSync('go', ['list', 'std'], { env, encoding: 'utf8' }).stdout.split(
        '\n',
      ),
    );
    const isStandard = (imp: string) => std.has(imp) || imp === 'C';
    const isLocal = (imp: string) =>
      imp === modulePath || imp.startsWith(`${modulePath}/`);
    const packages = listed.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [pkg, imports, testImports, tests] = line.split('\t');
        return {
          pkg,
          imports: [...imports.split(' '), ...testImports.split(' ')].filter(
            Boolean,
          ),
          tests: Number(tests),
        };
      });
    // A package is buildable when it and every local package it imports need no outside module.
    const external = new Map(
      packages.map(p => [
        p.pkg,
        p.imports.filter(i => !isStandard(i) && !isLocal(i)),
      ]),
    );
    const needs = (pkg: string, seen = new Set<string>()): string[] => {
      if (seen.has(pkg)) return [];
      seen.add(pkg);
      const own = external.get(pkg) ?? [];
      const local =
        packages.find(p => p.pkg === pkg)?.imports.filter(isLocal) ?? [];
      return [...new Set([...own, ...local.flatMap(l => needs(l, seen))])];
    };
    const report: GoReport = {
      checked: [],
      tested: 0,
      skipped: [],
      failures: [],
    };
    for (const p of packages) {
      const missing = needs(p.pkg);
      if (missing.length) {
        report.skipped.push({ pkg: p.pkg, needs: missing });
        continue;
      }
      report.checked.push(p.pkg);
      for (const args of [
        ['vet', p.pkg],
        ...(p.tests ? [['test', '-count=1', p.pkg]] : []),
      ]) {
        const run = spawnSync('go', args, { cwd: work, env, encoding: 'utf8' });
        if (run.status !== 0) {
          report.failures.push(
            `go ${args.join(' ')}: ${run.stdout}${run.stderr}`,
          );
        } else if (args[0] === 'test') {
          report.tested += 1;
        }
      }
    }
    if (!packages.length)
      report.failures.push(`go list found no packages: ${listed.stderr}`);
    return report;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('golden-path templates rendered by the scaffolder (dry run)', () => {
  const dir = createMockDirectory();
  let server: any;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    // An existing component's repository, for add-techdocs.
    dir.addContent({
      seed: {
        'catalog-info.yaml': yaml.stringify({
          ...entities[2],
          metadata: { name: 'ledger-service' },
          relations: undefined,
        }),
      },
    });
    await new LocalGitHost(dir.resolve('git')).publish({
      name: 'ledger-service',
      sourceDirectory: dir.resolve('seed'),
      author: { name: 'Paved', email: 'paved@example.com' },
      committer: { name: 'Paved', email: 'paved@example.com' },
      message: 'Initial commit',
      taskId: 'seed',
    });
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        scaffolderModuleProvisioning,
        gitHostUrlReaderFactory,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            paved: { gitHost: { directory: dir.resolve('git') } },
            events: { useEventBus: 'never' },
          },
        }),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
  }, 120_000);

  afterAll(async () => {
    await stopBackend?.();
  });

  const render = (template: string, values: Record<string, unknown>) =>
    dryRunTemplate({
      server,
      templateDirectory: path.join(templatesRoot, template),
      values,
      authorization: mockCredentials.user.header('user:default/sam.rivera'),
    });

  it('lists every golden path in templates/all.yaml', () => {
    const location = yaml.parse(
      fs.readFileSync(path.join(templatesRoot, 'all.yaml'), 'utf8'),
    );
    expect(location.kind).toBe('Location');
    // Other capabilities (self-service provisioning) list their templates here too.
    expect(location.spec.targets).toEqual(
      expect.arrayContaining(
        [...SERVICE_TEMPLATES, 'add-techdocs'].map(t => `./${t}/template.yaml`),
      ),
    );
  });

  it.each(SERVICE_TEMPLATES)(
    '%s asks for a name with exactly SERVICE_NAME_PATTERN',
    template => {
      const entity = yaml.parse(
        fs.readFileSync(
          path.join(templatesRoot, template, 'template.yaml'),
          'utf8',
        ),
      );
      const name = entity.spec.parameters[0].properties.name;
      expect(name['ui:field']).toBe('ServiceName');
      expect(name.pattern).toBe(SERVICE_NAME_PATTERN.source);
    },
  );

  it.each(SERVICE_TEMPLATES)(
    'keeps the shared files of %s in sync with _shared',
    template => {
      const shared = path.join(templatesRoot, '_shared', 'skeleton');
      for (const file of listFiles(shared)) {
        const copy = path.join(templatesRoot, template, 'skeleton', file);
        expect({ file, content: fs.readFileSync(copy, 'utf8') }).toEqual({
          file,
          content: fs.readFileSync(path.join(shared, file), 'utf8'),
        });
      }
    },
  );

  // Every combination of every service template's options (read from the templates themselves).
  const fixtures: Array<[string, Record<string, string>]> =
    SERVICE_TEMPLATES.flatMap(template =>
      optionCombinations(template).map(
        options => [template, options] as [string, Record<string, string>],
      ),
    );

  it('dry-runs every option of the service templates', () => {
    expect(fixtures.map(([t, o]) => renderedName(t, o)).sort()).toEqual(
      [
        'go-service-grpc-none',
        'go-service-grpc-postgres',
        'go-service-http-none',
        'go-service-http-postgres',
        'python-service-http-none',
        'python-service-http-postgres',
        'typescript-service-grpc-none',
        'typescript-service-grpc-postgres',
        'typescript-service-http-none',
        'typescript-service-http-postgres',
      ].sort(),
    );
  });

  it.each(fixtures)(
    'renders %s with %j into a complete, valid repository',
    async (template, options) => {
      const name = `fixture-${template.split('-')[0]}`;
      const {
        template: entity,
        rendered,
        output,
        log,
      } = await render(template, {
        name,
        owner: 'group:default/payments',
        system: 'system:default/payments',
        description: 'Fixture service: renders every golden-path file',
        ...options,
      });
      const files = fileMap(rendered);
      const version = entity.metadata.annotations[ANNOTATION_TEMPLATE_VERSION];
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);

      // What every golden path promises.
      for (const required of [
        'catalog-info.yaml',
        'mkdocs.yml',
        'docs/index.md',
        'docs/runbook.md',
        'docs/api.md',
        'docs/adr/0001-start-from-the-golden-path.md',
        'README.md',
        'CODEOWNERS',
        'Dockerfile',
        '.dockerignore',
        'chart/Chart.yaml',
        'chart/values.yaml',
        'chart/templates/deployment.yaml',
        'chart/templates/networkpolicy.yaml',
        'chart/templates/hpa.yaml',
        '.github/workflows/ci.yaml',
        '.github/workflows/cd.yaml',
        '.github/scripts/report-deployment.sh',
      ]) {
        expect([required, files.has(required)]).toEqual([required, true]);
      }

      // Every YAML file parses (Helm templates are Go templates, checked by `helm lint` in CI).
      const yamlErrors = [...files]
        .filter(
          ([file]) =>
            /\.ya?ml$/.test(file) && !file.startsWith('chart/templates/'),
        )
        .flatMap(([file, content]) =>
          yaml
            .parseAllDocuments(content)
            .flatMap(d => d.errors.map(e => `${file}: ${e.message}`)),
        );
      expect(yamlErrors).toEqual([]);
      // Nothing is left unrendered outside the files copied verbatim.
      const unrendered = [...files]
        .filter(
          ([file, content]) =>
            !VERBATIM.some(re => re.test(file)) && content.includes('${{'),
        )
        .map(([file]) => file);
      expect(unrendered).toEqual([]);

      const component = await expectValidComponent(
        files.get('catalog-info.yaml')!,
        {
          [ANNOTATION_TEMPLATE]: `template:default/${template}`,
          [ANNOTATION_TEMPLATE_VERSION]: version,
          'backstage.io/techdocs-ref': 'dir:.',
          'backstage.io/kubernetes-id': name,
          'backstage.io/source-location': `url:http://localhost:7007/api/githost/${name}/blob/main/`,
        },
      );
      // When the golden path created it (RFC 3339), for DevEx's time to first deployment.
      const createdAt = component.metadata.annotations![ANNOTATION_CREATED_AT];
      expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(Math.abs(Date.parse(createdAt) - Date.now())).toBeLessThan(
        5 * 60_000,
      );
      expect(component.spec).toMatchObject({
        owner: 'group:default/payments',
        system: 'system:default/payments',
        lifecycle: 'experimental',
        type: 'service',
      });

      // How it was made, so an upgrade can render the next version with the same inputs.
      const lineage = templateLineageFileSchema.parse(
        yaml.parse(files.get(LINEAGE_FILE)!),
      );
      expect(lineage).toMatchObject({
        template: `template:default/${template}`,
        version,
        inputs: {
          name,
          owner: 'group:default/payments',
          templateVersion: version,
          createdAt,
          language: template.split('-')[0],
        },
      });
      // Since 1.1.0: Dependabot for the language's own ecosystem.
      const dependabot = yaml.parse(files.get('.github/dependabot.yml')!);
      expect(dependabot.updates[0]['package-ecosystem']).toBe(
        { typescript: 'npm', python: 'pip', go: 'gomod' }[
          template.split('-')[0]
        ],
      );

      const values = yaml.parse(files.get('chart/values.yaml')!);
      expect(values.resources.requests).toBeDefined();
      expect(values.resources.limits).toBeDefined();
      const deployment = files.get('chart/templates/deployment.yaml')!;
      expect(deployment).toMatch(/runAsNonRoot: true/);
      expect(deployment).toMatch(/readOnlyRootFilesystem: true/);
      expect(deployment).toMatch(/readinessProbe:[\s\S]*path: \/readyz/);
      expect(files.get('chart/templates/networkpolicy.yaml')).toMatch(
        /policyTypes: \[Ingress, Egress\]/,
      );
      expect(files.get('Dockerfile')).toMatch(/^FROM .* AS build$/m);
      expect(files.get('Dockerfile')).toMatch(/^USER (65532|nonroot)/m);
      const cd = yaml.parse(files.get('.github/workflows/cd.yaml')!);
      expect(cd.jobs['deploy-production'].environment).toBe('production');
      expect(files.get('.github/scripts/report-deployment.sh')).toContain(
        '/api/devex/events',
      );
      const ci = files.get('.github/workflows/ci.yaml')!;
      expect(ci).toMatch(/trivy/i);
      expect(ci).toMatch(/sbom/i);
      // Invoked through bash: a dry run's upload carries no file modes.
      expect(files.get('.github/workflows/cd.yaml')).toContain(
        'bash .github/scripts/report-deployment.sh',
      );

      // The dry run went through our actions, and the task output has what DESIGN.md promises.
      const messages = log.map(l => l.body.message).join('\n');
      expect(messages).toContain(
        'Running paved:service:validate in dry-run mode',
      );
      expect(messages).toContain('Running paved:publish in dry-run mode');
      expect(output.remoteUrl).toBe(
        `http://localhost:7007/api/githost/${name}.git`,
      );
      // entityRef comes from catalog:register, which a dry run does not perform (see the e2e test).
      const links = output.links as Array<{
        title: string;
        url?: string;
        entityRef?: string;
      }>;
      expect(links.map(l => l.title)).toEqual([
        'Repository',
        'Open in catalog',
        'Documentation',
        'Database request',
        'Database in the catalog',
      ]);
      // The database links have a target only with a database (the portal leaves out the others);
      // the catalog link only once the database is ready, which a dry run never is.
      const target = (title: string) => {
        const link = links.find(l => l.title === title)!;
        return link.url || link.entityRef || undefined;
      };
      expect(target('Database request')).toBe(
        options.database === 'postgres' ? '/provisioning' : undefined,
      );
      expect(target('Database in the catalog')).toBeUndefined();
      // The repository's page in the portal, not the clone URL.
      expect(target('Repository')).toBe(`http://localhost:3000/git/${name}`);

      // With a database, it is requested (a dry run files nothing) before anything is rendered,
      // and the repository names exactly what provisioning will deliver; without, nothing is.
      const withDatabase = options.database === 'postgres';
      const planned = { name, environment: 'development' as const };
      // The deployment reads every key of the connection Secret, and nothing else from it.
      const secretKeys = [
        ...deployment.matchAll(
          /name: \{\{ \.connectionSecret \}\}\s+key: (\S+)/g,
        ),
      ].map(m => m[1]);
      expect(secretKeys.sort()).toEqual(
        Object.values(DATABASE_CONNECTION_SECRET_KEYS).sort(),
      );
      expect({
        requested: messages.includes(
          `Dry run: would request small PostgreSQL "${name}" (development) for group:default/payments`,
        ),
        dependsOn: component.spec?.dependsOn,
        values: values.database,
        databasePort: values.networkPolicy.databasePort,
        status: output.databaseStatus,
      }).toEqual(
        withDatabase
          ? {
              requested: true,
              dependsOn: [
                databaseResourceEntityRef({
                  ...planned,
                  id: '',
                  owner: 'group:default/payments',
                }),
              ],
              values: {
                name,
                connectionSecret: databaseConnectionSecretName(planned),
              },
              databasePort: 5432,
              status: 'dry-run',
            }
          : {
              requested: false,
              dependsOn: undefined,
              values: undefined,
              databasePort: undefined,
              status: 'none',
            },
      );
      // No password in the repository, whatever the options (CI reads its own from secrets).
      const passwords = /password\s*[:=]\s*(?!\$\{\{ *secrets\.)\S/i;
      expect(
        [...files].filter(([, c]) => passwords.test(c)).map(([f]) => f),
      ).toEqual([]);
      // A dry run publishes nothing.
      expect(fs.existsSync(dir.resolve(`git/${name}.git`))).toBe(false);

      await writeRendered(
        rendered,
        dir.resolve(`rendered/${renderedName(template, options)}`),
      );
    },
    60_000,
  );

  it('refuses a name that exists in the catalog, naming the field', async () => {
    await expect(
      render('typescript-service', {
        name: 'ledger-service',
        owner: 'group:default/payments',
        system: 'system:default/payments',
        description: 'x',
        api: 'http',
        database: 'none',
      }),
    ).rejects.toThrow(
      /name: component:default\/ledger-service already exists in the catalog/,
    );
  }, 60_000);

  it('refuses a name that breaks the pattern before running any step', async () => {
    await expect(
      render('go-service', {
        name: '../../etc/passwd',
        owner: 'group:default/payments',
        system: 'system:default/payments',
        description: 'x',
      }),
    ).rejects.toThrow(/does not match pattern/);
  }, 60_000);

  it("reads the connection Secret keys Paved's Crossplane composition writes", () => {
    const composition = yaml.parse(
      fs.readFileSync(
        path.join(
          templatesRoot,
          '../infrastructure/crossplane/composition.yaml',
        ),
        'utf8',
      ),
    );
    const written = JSON.stringify(composition)
      .match(/"connectionDetails":\[[^\]]*\]/g)!
      .flatMap(details =>
        [...details.matchAll(/"name":"([^"]+)"/g)].map(m => m[1]),
      );
    expect([...new Set(written)].sort()).toEqual(
      Object.values(DATABASE_CONNECTION_SECRET_KEYS).sort(),
    );
  });

  it('dry-runs postgresql-database for every option combination', async () => {
    // engine × environment × size, and each engine's versions (a dependency of the engine field).
    const firstPage = templateEntity('postgresql-database').spec.parameters[0];
    const versionsOf = (type: string): string[] =>
      firstPage.dependencies.type.oneOf.find((branch: any) =>
        branch.properties.type.enum.includes(type),
      ).properties.version.enum;
    const combinations: Array<Record<string, string>> = optionCombinations(
      'postgresql-database',
    ).flatMap(options =>
      versionsOf(options.type).map(version => ({ ...options, version })),
    );
    expect(enumParameters('postgresql-database').type).toEqual([
      'postgresql',
      'redis',
    ]);
    expect(combinations.length).toBe(
      (versionsOf('postgresql').length + versionsOf('redis').length) * 4 * 3,
    );
    for (const options of combinations) {
      const { output, log } = await render('postgresql-database', {
        name: 'orders',
        owner: 'group:default/payments',
        system: 'system:default/payments',
        storageGB: 10,
        ...options,
        ...(options.environment === 'ephemeral' ? { ttlHours: 24 } : {}),
      });
      const messages = log.map(l => l.body.message).join('\n');
      expect({ options, ran: messages }).toEqual({
        options,
        ran: expect.stringContaining(
          `Dry run: would request ${options.size} ${
            options.type === 'redis' ? 'Redis' : 'PostgreSQL'
          } "orders" (${options.environment}) for group:default/payments`,
        ),
      });
      expect(output.links).toEqual([
        { title: 'Database request', icon: 'dashboard', url: '/provisioning' },
        {
          title: 'Database in the catalog',
          icon: 'catalog',
          entityRef: `resource:default/orders-${options.environment}`,
        },
      ]);
    }
  }, 300_000);

  it('renders add-techdocs for an existing component', async () => {
    const { rendered, output } = await render('add-techdocs', {
      component: 'component:default/ledger-service',
      title: 'Ledger service',
      summary: 'Keeps the ledger',
    });
    const files = fileMap(rendered);
    expect(
      yaml.parse(files.get('catalog-info.yaml')!).metadata.annotations,
    ).toEqual({
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(output.entityRef).toBe('component:default/ledger-service');
    expect(yaml.parse(files.get('mkdocs.yml')!).theme).toEqual({
      name: 'material',
    });
    expect(files.get('docs/index.md')).toContain('# Ledger service');
  }, 60_000);

  describe('generated sources', () => {
    const renderedDir = (name: string) => dir.resolve(`rendered/${name}`);

    it.each(['python-service-http-none', 'python-service-http-postgres'])(
      '%s: python3 -m py_compile accepts every source',
      name => {
        const sources = listFiles(renderedDir(name)).filter(f =>
          f.endsWith('.py'),
        );
        expect(sources.length).toBeGreaterThan(2);
        const result = spawnSync('python3', ['-m', 'py_compile', ...sources], {
          cwd: renderedDir(name),
          encoding: 'utf8',
        });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      },
    );

    it.each(['python-service-http-none', 'python-service-http-postgres'])(
      "%s: its own unittest suite passes with Debian's Python packages",
      name => {
        const cwd = renderedDir(name);
        const python = debianPython();
        if (!python) return;
        const result = spawnSync(
          python,
          ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.', '-v'],
          {
            cwd,
            encoding: 'utf8',
            env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
          },
        );
        // unittest reports on stderr: "Ran N tests" and "OK".
        expect(result.stderr).toMatch(/^Ran [1-9]\d* tests? in /m);
        expect(result.stderr).toMatch(/^OK$/m);
        expect(result.status).toBe(0);
        // The database module imports with the real driver and pool (Debian's psycopg 3).
        const imported = spawnSync(
          python,
          ['-c', 'import app.database as d; print(d.create_pool.__name__)'],
          { cwd, encoding: 'utf8' },
        );
        expect({
          stderr: imported.stderr.trim().split('\n').pop(),
          out: imported.stdout.trim(),
        }).toEqual(
          name.endsWith('-postgres')
            ? { stderr: '', out: 'create_pool' }
            : {
                stderr: "ModuleNotFoundError: No module named 'app.database'",
                out: '',
              },
        );
      },
      60_000,
    );

    it.each([
      'go-service-http-none',
      'go-service-http-postgres',
      'go-service-grpc-none',
      'go-service-grpc-postgres',
    ])(
      '%s: go vet and go test pass for every package the toolchain here can build',
      name => {
        const report = checkGoService(renderedDir(name));
        if (!report) return;
        // Say plainly what could not run: packages that import modules from outside (no proxy)
        // or standard packages newer than this Go.
        console.info(
          `${name}: go vet + go test ran on ${report.checked.join(
            ', ',
          )}; not built here (they import modules that cannot be downloaded here, or standard packages newer than this Go): ${
            report.skipped
              .map(s => `${s.pkg} (${s.needs.join(', ')})`)
              .join('; ') || 'none'
          }`,
        );
        // The service's own logic (config, readiness, greeting, ...) is dependency-free and runs.
        expect(report.checked.length).toBeGreaterThanOrEqual(2);
        expect(report.tested).toBeGreaterThanOrEqual(1);
        for (const failure of report.failures) {
          throw new Error(failure);
        }
      },
      180_000,
    );

    it.each([
      'go-service-http-none',
      'go-service-http-postgres',
      'go-service-grpc-none',
      'go-service-grpc-postgres',
    ])('%s: gofmt accepts every source', name => {
      const gofmt = spawnSync('gofmt', ['-d', '-e', '.'], {
        cwd: renderedDir(name),
        encoding: 'utf8',
      });
      if (gofmt.error) {
        // `make test` installs gofmt (Debian's golang-go); a bare `yarn test` may lack it.
        if (process.env.CI) {
          throw new Error(
            `gofmt not available (${gofmt.error.message}): the Go syntax check must run in CI`,
          );
        }
        console.warn(
          `gofmt not available (${gofmt.error.message}): Go syntax check skipped`,
        );
        return;
      }
      expect(
        listFiles(renderedDir(name)).filter(f => f.endsWith('.go')).length,
      ).toBeGreaterThan(2);
      expect(gofmt.stderr).toBe('');
      expect(gofmt.stdout).toBe('');
      expect(gofmt.status).toBe(0);
    });

    // Slow: installs the generated service's real dependencies from the npm registry.
    it.each([
      'typescript-service-http-none',
      'typescript-service-grpc-postgres',
    ])(
      '%s: its own tests pass after npm install',
      name => {
        const cwd = renderedDir(name);
        const env = {
          ...process.env,
          npm_config_nodedir: undefined,
          NODE_OPTIONS: undefined,
          CI: 'true',
        };
        execFileSync(
          'npm',
          ['install', '--no-audit', '--no-fund', '--loglevel=error'],
          { cwd, env, stdio: 'pipe' },
        );
        const result = spawnSync('npm', ['test'], {
          cwd,
          env,
          encoding: 'utf8',
        });
        expect(`${result.stdout}\n${result.stderr}`).toMatch(/# fail 0/);
        expect(result.stdout).toMatch(/# pass [1-9]/);
        expect(result.status).toBe(0);
      },
      300_000,
    );
  });
});
