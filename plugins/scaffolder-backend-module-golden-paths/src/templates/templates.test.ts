import fs from 'node:fs';
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
} from '@paved/plugin-golden-paths-common';
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

  const fixtures: Array<[string, Record<string, unknown>]> = [
    ['typescript-service', { api: 'http', database: 'none' }],
    ['typescript-service', { api: 'grpc', database: 'postgres' }],
    ['python-service', { database: 'none' }],
    ['python-service', { database: 'postgres' }],
    ['go-service', { api: 'http', database: 'none' }],
    ['go-service', { api: 'grpc', database: 'postgres' }],
  ];

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
      expect(
        (output.links as Array<{ title: string }>).map(l => l.title),
      ).toEqual(['Repository', 'Open in catalog', 'Documentation']);
      // The repository's page in the portal, not the clone URL.
      expect((output.links as Array<{ url?: string }>)[0].url).toBe(
        `http://localhost:3000/git/${name}`,
      );
      // A dry run publishes nothing.
      expect(fs.existsSync(dir.resolve(`git/${name}.git`))).toBe(false);

      await writeRendered(
        rendered,
        dir.resolve(
          `rendered/${template}-${options.api ?? 'http'}-${options.database}`,
        ),
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

    it.each(['go-service-http-none', 'go-service-grpc-postgres'])(
      '%s: gofmt accepts every source',
      name => {
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
      },
    );

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
