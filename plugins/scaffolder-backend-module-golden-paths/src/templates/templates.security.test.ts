import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import yaml from 'yaml';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  LocalGitHost,
  gitHostUrlReaderFactory,
} from '@paved/plugin-githost-node';
import scaffolderModuleProvisioning from '@paved/plugin-scaffolder-backend-module-provisioning';
import { scaffolderModuleGoldenPaths } from '../module';
import {
  RenderedFile,
  dryRunTemplate,
  writeRendered,
} from '../__testUtils__/renderTemplate';

/*
 * The attack: a template description with a triple quote once injected Python that ran on import
 * (`app/__init__.py`). Every value a person types is rendered into each template here and the
 * results are parsed as what they are: TypeScript by the compiler, Python by `ast`, Go by gofmt,
 * YAML by a YAML parser, Markdown checked for raw HTML. Each value must come back exactly as typed
 * (as text), and nothing may have become code.
 */

const templatesRoot = path.resolve(__dirname, '../../../../templates');

/** One line of everything that breaks a language: quotes, escapes, template syntax, HTML, YAML. */
const HOSTILE =
  `Evil """+__import__('os').system('id')+""" ' " \\ \\n \`x\` \${{ values.name }} ` +
  `{{ .Values.x }} {% raw %} </script><script>alert(1)</script> ` +
  `key: v # c - [a] {b: c} &x *x !!python/object */ é 🚀`;

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

function fileMap(files: RenderedFile[]) {
  return new Map(files.map(f => [f.path, f.content.toString('utf8')]));
}

/** Parses every Python file; for app/__init__.py, its docstring and the kinds of its statements. */
const PYTHON_CHECK = `
import ast, json, sys
out = {}
for name in sys.argv[1:]:
    tree = ast.parse(open(name, encoding='utf-8').read(), name)
    out[name] = {
        'docstring': ast.get_docstring(tree, clean=False),
        'statements': [type(node).__name__ for node in tree.body],
    }
print(json.dumps(out))
`;

describe('hostile values in golden-path templates (security)', () => {
  const dir = createMockDirectory();
  let server: any;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    dir.addContent({
      seed: {
        'catalog-info.yaml': yaml.stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'ledger-service' },
          spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
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
        // paved:database:request, for the templates' PostgreSQL option.
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

  const service = (template: string, options: Record<string, unknown>) =>
    render(template, {
      name: `hostile-${template.split('-')[0]}`,
      owner: 'group:default/payments',
      system: 'system:default/payments',
      description: HOSTILE,
      ...options,
    });

  /** YAML parses, and every place the description lands holds exactly the description. */
  function expectYamlKeepsValues(files: Map<string, string>) {
    const catalogInfo = yaml.parse(files.get('catalog-info.yaml')!);
    expect(catalogInfo.metadata.description).toBe(HOSTILE);
    expect(yaml.parse(files.get('mkdocs.yml')!).site_description).toBe(HOSTILE);
    expect(yaml.parse(files.get('chart/Chart.yaml')!).description).toBe(
      HOSTILE,
    );
    for (const [file, content] of files) {
      if (/\.ya?ml$/.test(file) && !file.startsWith('chart/templates/')) {
        for (const document of yaml.parseAllDocuments(content)) {
          expect({ file, errors: document.errors }).toEqual({
            file,
            errors: [],
          });
        }
      }
    }
  }

  /** Markdown shows the description as text: no raw HTML reaches the page. */
  function expectMarkdownEscaped(files: Map<string, string>) {
    for (const file of ['README.md', 'docs/index.md']) {
      const content = files.get(file)!;
      expect({ file, raw: content.includes('</script>') }).toEqual({
        file,
        raw: false,
      });
      expect(content).toContain(
        '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
      );
    }
  }

  it.each([
    { api: 'http', database: 'none' },
    { api: 'grpc', database: 'postgres' },
  ])(
    'typescript-service %j: the compiler sees only string literals',
    async options => {
      const { rendered } = await service('typescript-service', options);
      const files = fileMap(rendered);
      expectYamlKeepsValues(files);
      expectMarkdownEscaped(files);
      expect(JSON.parse(files.get('package.json')!).description).toBe(HOSTILE);

      for (const [file, content] of files) {
        if (!file.endsWith('.ts')) continue;
        const source = ts.createSourceFile(
          file,
          content,
          ts.ScriptTarget.Latest,
          true,
        );
        const diagnostics = (
          source as unknown as { parseDiagnostics: ts.Diagnostic[] }
        ).parseDiagnostics.map(d =>
          ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        );
        expect({ file, diagnostics }).toEqual({ file, diagnostics: [] });
      }
      const config = ts.createSourceFile(
        'config.ts',
        files.get('src/config.ts')!,
        ts.ScriptTarget.Latest,
        true,
      );
      const serviceNames: string[] = [];
      const visit = (node: ts.Node) => {
        if (
          ts.isPropertyAssignment(node) &&
          node.name.getText(config) === 'serviceName'
        ) {
          serviceNames.push(
            ts.isStringLiteral(node.initializer)
              ? node.initializer.text
              : `code: ${node.initializer.getText(config)}`,
          );
        }
        ts.forEachChild(node, visit);
      };
      visit(config);
      expect(serviceNames).toEqual(['hostile-typescript']);
    },
    60_000,
  );

  it.each([{ database: 'none' }, { database: 'postgres' }])(
    'python-service %j: ast parses every file and finds no injected statement',
    async options => {
      const { rendered } = await service('python-service', options);
      const files = fileMap(rendered);
      expectYamlKeepsValues(files);
      expectMarkdownEscaped(files);

      const out = dir.resolve(`python-${options.database}`);
      await writeRendered(rendered, out);
      const sources = [...files.keys()].filter(f => f.endsWith('.py'));
      expect(sources.length).toBeGreaterThan(2);
      const result = spawnSync('python3', ['-c', PYTHON_CHECK, ...sources], {
        cwd: out,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const parsed = JSON.parse(result.stdout);
      // The description is the module's docstring, character for character, and the module holds
      // exactly what the template wrote: the docstring and SERVICE_NAME, no call, no import.
      expect(parsed['app/__init__.py']).toEqual({
        docstring: `hostile-python: ${HOSTILE}`,
        statements: ['Expr', 'Assign'],
      });
      expect(fs.existsSync('/tmp/pwned')).toBe(false);
    },
    60_000,
  );

  it.each([
    { api: 'http', database: 'none' },
    { api: 'grpc', database: 'postgres' },
  ])(
    'go-service %j: gofmt accepts every source',
    async options => {
      const { rendered } = await service('go-service', options);
      const files = fileMap(rendered);
      expectYamlKeepsValues(files);
      expectMarkdownEscaped(files);
      expect(files.get('cmd/server/main.go')).toContain(
        'With("service", "hostile-go")',
      );
      const out = dir.resolve(`go-${options.api}`);
      await writeRendered(rendered, out);
      const gofmt = spawnSync('gofmt', ['-l', '-e', '.'], {
        cwd: out,
        encoding: 'utf8',
      });
      if (gofmt.error) {
        // `make test` installs gofmt (Debian's golang-go); CI must have it.
        if (process.env.CI) throw gofmt.error;
        console.warn(`gofmt not available (${gofmt.error.message}): skipped`);
        return;
      }
      expect(gofmt.stderr).toBe('');
      expect(gofmt.status).toBe(0);
    },
    60_000,
  );

  it('refuses a Go module prefix that would break out of go.mod and the imports', async () => {
    await expect(
      service('go-service', {
        api: 'http',
        database: 'none',
        goModulePrefix: 'example.com/x"\n\nfunc init() { panic(1) }\n//',
      }),
    ).rejects.toThrow(/goModulePrefix|does not match pattern/);
  }, 60_000);

  it.each(['typescript-service', 'python-service', 'go-service'])(
    '%s refuses a description of more than one line before any step runs',
    async template => {
      await expect(
        service(template, {
          description: 'Looks fine\nimport os; os.system("id")',
        }),
      ).rejects.toThrow(/description.*does not match pattern/);
    },
    60_000,
  );

  it('uses a hostile value of at most the form’s 200 characters', () => {
    expect(HOSTILE.length).toBeLessThanOrEqual(200);
  });

  it('add-techdocs: YAML keeps the title and summary, Markdown shows them as text', async () => {
    const { rendered } = await render('add-techdocs', {
      component: 'component:default/ledger-service',
      title: HOSTILE.slice(0, 80),
      summary: HOSTILE,
    });
    const files = fileMap(rendered);
    const mkdocs = yaml.parse(files.get('mkdocs.yml')!);
    expect(mkdocs.site_name).toBe(HOSTILE.slice(0, 80));
    expect(mkdocs.site_description).toBe(HOSTILE);
    const docs = files.get('docs/index.md')!;
    expect(docs).not.toContain('</script>');
    expect(docs).toContain('&lt;/script&gt;');
    await expect(
      render('add-techdocs', {
        component: 'component:default/ledger-service',
        title: 'Docs',
        summary: 'one\n# injected heading',
      }),
    ).rejects.toThrow(/summary.*does not match pattern/);
  }, 60_000);

  it('postgresql-database renders no file and refuses a name that is not a DNS label', () => {
    const template = yaml.parse(
      fs.readFileSync(
        path.join(templatesRoot, 'postgresql-database/template.yaml'),
        'utf8',
      ),
    );
    // Its values go to paved:database:request (provisioning's validated request), never into a file.
    expect(
      template.spec.steps.map((s: { action: string }) => s.action),
    ).not.toContain('fetch:template');
    const pattern = new RegExp(
      template.spec.parameters[0].properties.name.pattern,
      'u',
    );
    for (const hostile of [
      HOSTILE,
      'orders"; DROP DATABASE x; --',
      'a\nb',
      '../x',
    ]) {
      expect(pattern.test(hostile)).toBe(false);
    }
    expect(pattern.test('orders')).toBe(true);
  });
});
