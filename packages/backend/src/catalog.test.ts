/*
 * The example organisation in catalog/ and the golden-path templates, processed by the real
 * catalog backend (the same processors, kind validators and entity policies as `yarn start`),
 * must load with zero processing errors, and every relation must point at an entity that exists.
 *
 * Reading the files through the catalog rather than re-implementing its checks matters: a YAML
 * error, a `$text` placeholder the file reader cannot resolve, or a rule that rejects a kind only
 * shows up when the catalog itself processes the files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  resolveSafeChildPath,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleLogs from '@backstage/plugin-catalog-backend-module-logs';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import techdocsPlugin from '@backstage/plugin-techdocs-backend';

// Starting and stopping a backend with the catalog and TechDocs takes longer than jest's default.
jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');
const catalogDir = path.join(repoRoot, 'catalog');
const templatesDir = path.join(repoRoot, 'templates');
// Paved's own component sits next to the handbook it documents (see the file's comment).
const pavedEntityFile = path.join(repoRoot, 'catalog-info.yaml');

/** Every entity file under catalog/: YAML files that are not mkdocs configs or docs content. */
function catalogEntityFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(dirent => {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) {
      return dirent.name === 'docs' ? [] : catalogEntityFiles(full);
    }
    return /\.ya?ml$/.test(dirent.name) && !/^mkdocs\.ya?ml$/.test(dirent.name)
      ? [full]
      : [];
  });
}

function templateFiles(): string[] {
  if (!fs.existsSync(templatesDir)) {
    return [];
  }
  return fs
    .readdirSync(templatesDir, { withFileTypes: true })
    .filter(dirent => dirent.isDirectory())
    .map(dirent => path.join(templatesDir, dirent.name, 'template.yaml'))
    .filter(file => fs.existsSync(file));
}

/**
 * Collects what the catalog reports: its logs module writes every processing error as a warning
 * on the catalog plugin's logger. Other plugins' warnings (TechDocs builds) are not collected.
 */
function catalogWarningRecorder(
  warnings: string[],
  fields: { [key: string]: unknown } = {},
): LoggerService {
  const record = (message: string, meta?: unknown) => {
    if (fields.plugin === 'catalog') {
      warnings.push(`${message} ${JSON.stringify(meta)}`);
    }
  };
  return {
    error: record,
    warn: record,
    info: () => {},
    debug: () => {},
    child: meta => catalogWarningRecorder(warnings, { ...fields, ...meta }),
  };
}

function sourceFile(entity: Entity): string {
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? '';
  return location.replace(/^file:/, '');
}

/**
 * The files that produced entities. A location registered in config shows up as a generated
 * Location entity "managed by" its own target file, so it does not count: only what the file's
 * content produced does.
 */
function filesWithEntities(entities: Entity[]): Set<string> {
  return new Set(
    entities
      .filter(e => !(e.kind === 'Location' && e.spec?.target === sourceFile(e)))
      .map(sourceFile),
  );
}

const entityFiles = [...catalogEntityFiles(catalogDir), pavedEntityFile];
const templates = templateFiles();

describe('the example organisation, processed by the catalog', () => {
  const warnings: string[] = [];
  let entities: AlphaEntity[] = [];
  let baseUrl = '';
  const techdocsOutput = fs.mkdtempSync(
    path.join(os.tmpdir(), 'paved-techdocs-'),
  );
  afterAll(() => fs.rmSync(techdocsOutput, { recursive: true, force: true }));

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        catalogModuleLogs,
        techdocsPlugin,
        mockServices.rootLogger.mock(catalogWarningRecorder(warnings)).factory,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            // As in app-config.yaml: mkdocs on this machine, output in a scratch folder.
            techdocs: {
              builder: 'local',
              generator: {
                runIn: 'local',
                mkdocs: { omitTechdocsCorePlugin: true },
              },
              publisher: {
                type: 'local',
                local: { publishDirectory: techdocsOutput },
              },
            },
            catalog: {
              processingInterval: { seconds: 1 },
              // The same rules as app-config.yaml: users and groups only from the org files.
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                    'Template',
                  ],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: path.join(catalogDir, 'org/groups.yaml'),
                  rules: [{ allow: ['Group'] }],
                },
                {
                  type: 'file',
                  target: path.join(catalogDir, 'org/users.yaml'),
                  rules: [{ allow: ['User'] }],
                },
                { type: 'file', target: path.join(catalogDir, 'all.yaml') },
                ...templates.map(target => ({
                  type: 'file',
                  target,
                  rules: [{ allow: ['Template'] }],
                })),
              ],
            },
          },
        }),
      ],
    });
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}`;
    const fetchEntities = async (): Promise<AlphaEntity[]> => {
      const response = await fetch(`${baseUrl}/api/catalog/entities`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      expect(response.status).toBe(200);
      return response.json();
    };

    // Processing and stitching run in the background: wait until every file has produced
    // entities and the count has settled (a file whose entities all fail never appears, which
    // the tests below then report together with the catalog's error).
    const deadline = Date.now() + 60_000;
    let previousCount = -1;
    for (;;) {
      entities = await fetchEntities();
      const seen = filesWithEntities(entities);
      const complete = [...entityFiles, ...templates].every(f => seen.has(f));
      if (
        (complete && entities.length === previousCount) ||
        Date.now() > deadline
      ) {
        break;
      }
      previousCount = entities.length;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }, 120_000);

  it('reports no processing errors', () => {
    expect([...new Set(warnings)]).toEqual([]);
    const withErrors = entities.filter(e =>
      (e.status?.items ?? []).some(item => item.level === 'error'),
    );
    expect(withErrors.map(e => stringifyEntityRef(e))).toEqual([]);
  });

  it('loads every entity file under catalog/ and every template', () => {
    const seen = filesWithEntities(entities);
    const missing = [...entityFiles, ...templates].filter(f => !seen.has(f));
    expect(missing.map(f => path.relative(repoRoot, f))).toEqual([]);
  });

  it('resolves every relation to an entity that exists', () => {
    const known = new Set(entities.map(e => stringifyEntityRef(e)));
    const dangling = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(relation => !known.has(relation.targetRef))
        .map(r => `${stringifyEntityRef(e)} ${r.type} ${r.targetRef}`),
    );
    expect(dangling).toEqual([]);
  });

  it('has the shape the issue asks for', () => {
    const count = (kind: string) =>
      entities.filter(e => e.kind === kind).length;
    expect(count('Group')).toBeGreaterThanOrEqual(4);
    expect(count('User')).toBeGreaterThanOrEqual(10);
    expect(count('Domain')).toBeGreaterThanOrEqual(2);
    expect(count('System')).toBeGreaterThanOrEqual(3);
    expect(count('Component')).toBeGreaterThanOrEqual(8);
    expect(count('API')).toBeGreaterThanOrEqual(3);
    expect(count('Resource')).toBeGreaterThanOrEqual(3);

    const users = entities.filter(e => e.kind === 'User');
    for (const user of users) {
      expect((user.spec?.profile as { email?: string })?.email).toMatch(/@/);
    }
    const teamsWithoutMembers = entities
      .filter(e => e.kind === 'Group' && e.spec?.type === 'team')
      .map(team => stringifyEntityRef(team))
      .filter(
        ref =>
          !users.some(u =>
            u.relations?.some(
              r => r.type === RELATION_MEMBER_OF && r.targetRef === ref,
            ),
          ),
      );
    expect(teamsWithoutMembers).toEqual([]);

    const kubernetes = entities.filter(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.['backstage.io/kubernetes-id'],
    );
    expect(kubernetes.length).toBeGreaterThanOrEqual(3);
  });

  it('has the names other parts of Paved rely on', () => {
    const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
    const memberships = (ref: string) =>
      (byRef.get(ref)?.relations ?? [])
        .filter(r => r.type === RELATION_MEMBER_OF)
        .map(r => r.targetRef);

    // The development guest sign-in resolves to Sam; the platform team approves requests.
    expect(memberships('user:default/sam.rivera')).toContain(
      'group:default/payments',
    );
    expect(memberships('user:default/priya.natarajan')).toContain(
      'group:default/platform',
    );
    const expected = [
      'group:default/engineering',
      'group:default/product',
      'group:default/storefront',
      'group:default/data',
      'domain:default/platform',
      'domain:default/commerce',
      'system:default/paved',
      'system:default/payments',
      'system:default/storefront',
      'component:default/paved',
      'component:default/payments-api',
      'component:default/ledger-service',
      'component:default/checkout-web',
      'component:default/storefront-catalog',
      'component:default/notification-worker',
      'component:default/fraud-scoring',
      'component:default/data-pipeline',
      'api:default/payments-api',
      'api:default/storefront-catalog-api',
      'api:default/payment-events',
      'resource:default/payments-db',
      'resource:default/storefront-db',
      'resource:default/payment-events-queue',
    ];
    expect(expected.filter(ref => !byRef.has(ref))).toEqual([]);
  });

  it('gives every API a definition in the format its type names', () => {
    const malformed = entities
      .filter(e => e.kind === 'API')
      .filter(api => {
        const firstLine = String(api.spec?.definition).split('\n', 1)[0];
        return api.spec?.type === 'openapi'
          ? !/^openapi: 3\.\d+\.\d+$/.test(firstLine)
          : !/^asyncapi: 2\.6\.0$/.test(firstLine);
      })
      .map(api => stringifyEntityRef(api));
    expect(malformed).toEqual([]);
  });

  /**
   * Where TechDocs builds an entity's docs from, resolved the way its directory preparer does for
   * file locations: relative to the entity file, and never outside that file's folder.
   */
  function docsRoot(entity: Entity): string {
    const ref = entity.metadata.annotations!['backstage.io/techdocs-ref'];
    if (!ref.startsWith('dir:')) {
      throw new Error(`${ref} is not a dir: reference`);
    }
    return resolveSafeChildPath(
      path.dirname(sourceFile(entity)),
      ref.slice('dir:'.length),
    );
  }

  it('points every techdocs-ref at a folder TechDocs can build', () => {
    const documented = entities.filter(
      e => e.metadata.annotations?.['backstage.io/techdocs-ref'],
    );
    expect(documented.map(e => e.metadata.name)).toEqual(
      expect.arrayContaining(['paved', 'payments-api']),
    );
    expect(documented.length).toBeGreaterThanOrEqual(3);
    const unbuildable = documented.flatMap(entity => {
      try {
        const root = docsRoot(entity);
        const config = path.join(root, 'mkdocs.yml');
        if (!fs.existsSync(config)) {
          return [`${stringifyEntityRef(entity)}: no mkdocs.yml`];
        }
        const docsDir =
          /^docs_dir:\s*(\S+)/m.exec(fs.readFileSync(config, 'utf8'))?.[1] ??
          'docs';
        return fs.existsSync(path.join(root, docsDir, 'index.md'))
          ? []
          : [`${stringifyEntityRef(entity)}: no ${docsDir}/index.md`];
      } catch (error) {
        return [`${stringifyEntityRef(entity)}: ${error}`];
      }
    });
    expect(unbuildable).toEqual([]);
  });

  // mkdocs is what TechDocs runs (techdocs.generator.runIn: local); `make test` installs it.
  it('builds every documentation site with mkdocs --strict', () => {
    const documented = entities.filter(
      e => e.metadata.annotations?.['backstage.io/techdocs-ref'],
    );
    for (const entity of documented) {
      const site = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-docs-'));
      try {
        execFileSync(
          'mkdocs',
          ['build', '--strict', '--quiet', '--site-dir', site],
          { cwd: docsRoot(entity), stdio: 'pipe' },
        );
        expect(fs.existsSync(path.join(site, 'index.html'))).toBe(true);
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
        throw new Error(
          `mkdocs could not build the docs of ${stringifyEntityRef(
            entity,
          )}: ${error}\n${stderr}`,
        );
      } finally {
        fs.rmSync(site, { recursive: true, force: true });
      }
    }
  }, 180_000);

  it('serves every documentation site through TechDocs', async () => {
    // A fresh connection per request: TechDocs' sync answers with an event stream it ends by
    // itself, and a pooled keep-alive socket reused right after one was once reset under CI
    // (ECONNRESET on the next request). Browsers retry such a request; fetch does not.
    const headers = {
      Authorization: mockCredentials.user.header(),
      Connection: 'close',
    };
    const documented = entities.filter(
      e => e.metadata.annotations?.['backstage.io/techdocs-ref'],
    );
    for (const entity of documented) {
      const docsPath = [
        entity.metadata.namespace ?? 'default',
        entity.kind.toLocaleLowerCase('en-US'),
        entity.metadata.name,
      ].join('/');
      // The sync endpoint builds the site (prepare, mkdocs, publish) and answers when done.
      const sync = await fetch(`${baseUrl}/api/techdocs/sync/${docsPath}`, {
        headers,
      });
      // An event stream: log lines, then `event: finish`, or `event: error` with the reason.
      const events = await sync.text();
      expect({
        docsPath,
        status: sync.status,
        failed: /^event: error/m.test(events),
      }).toEqual({
        docsPath,
        status: 200,
        failed: false,
      });

      const page = await fetch(
        `${baseUrl}/api/techdocs/static/docs/${docsPath}/index.html`,
        { headers },
      );
      expect({ docsPath, status: page.status }).toEqual({
        docsPath,
        status: 200,
      });
      // The first heading of the site's index.md (in its mkdocs docs_dir), rendered.
      const root = docsRoot(entity);
      const docsDir =
        /^docs_dir:\s*(\S+)/m.exec(
          fs.readFileSync(path.join(root, 'mkdocs.yml'), 'utf8'),
        )?.[1] ?? 'docs';
      const indexMd = fs.readFileSync(
        path.join(root, docsDir, 'index.md'),
        'utf8',
      );
      const title = /^# (.+)$/m.exec(indexMd)?.[1];
      expect(title).toBeDefined();
      expect(await page.text()).toContain(`>${title}<`);
    }
  }, 600_000);
});
