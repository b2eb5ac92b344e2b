import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_BRANCH,
  GitIdentity,
  LocalGitHost,
  gitText,
  repoContentsUrl,
} from '@paved/plugin-githost-node';
import { TemplateRenderer } from '../rendering/TemplateRenderer';
import { publishRenderedService } from './publishRenderedService';

/** The example organisation's service made at an earlier template version. */
export const EXAMPLE_SERVICE = {
  name: 'inventory-api',
  templateRef: 'template:default/typescript-service',
  version: '1.0.0',
  owner: 'group:default/payments',
  system: 'system:default/payments',
} as const;

/**
 * Development only (`goldenPaths.exampleData.seed`): publishes `inventory-api`, made from the
 * TypeScript golden path at 1.0.0 and labelled as example data, to the local git host with one
 * local edit on top, and registers it in the catalog, so a fresh portal's Template drift view has
 * a real upgrade to propose. Idempotent: an existing repository or location is left as it is.
 */
export async function seedExampleService(deps: {
  catalog: CatalogService;
  auth: AuthService;
  gitHost: LocalGitHost;
  renderer: TemplateRenderer;
  committer: GitIdentity;
  backendBaseUrl: string;
  logger: LoggerService;
}): Promise<'seeded' | 'present' | 'template-missing'> {
  const { catalog, auth, gitHost, logger } = deps;
  const { name } = EXAMPLE_SERVICE;
  const credentials = await auth.getOwnServiceCredentials();
  const contentsUrl = repoContentsUrl(
    deps.backendBaseUrl,
    name,
    DEFAULT_BRANCH,
  );

  if (!(await gitHost.exists(name))) {
    const template = await catalog.getEntityByRef(EXAMPLE_SERVICE.templateRef, {
      credentials,
    });
    if (!template) {
      return 'template-missing';
    }
    const now = new Date().toISOString();
    // The values the template's fetch:template step renders with (see its `values:`), as
    // paved:service:validate resolves them for a service on the local git host.
    await publishRenderedService({
      renderer: deps.renderer,
      gitHost,
      template,
      version: EXAMPLE_SERVICE.version,
      repository: name,
      committer: deps.committer,
      taskId: 'paved-example-data',
      message: `Create ${name} from the TypeScript golden path ${EXAMPLE_SERVICE.version} (example data)`,
      inputs: {
        name,
        description:
          'Example data: stock levels per warehouse, made from the TypeScript golden path at 1.0.0',
        owner: EXAMPLE_SERVICE.owner,
        codeOwner: 'payments',
        system: EXAMPLE_SERVICE.system,
        sourceLocation: `${contentsUrl}/`,
        projectSlug: '',
        templateRef: EXAMPLE_SERVICE.templateRef,
        createdAt: now,
        createdOn: now.slice(0, 10),
        language: 'typescript',
        languageLabel: 'TypeScript',
        api: 'http',
        database: 'none',
        httpPort: 8080,
        grpcPort: 9090,
      },
    });
    await addExampleEdit(gitHost, deps.committer);
    logger.info(
      `Example data: published ${name} at ${EXAMPLE_SERVICE.templateRef} ${EXAMPLE_SERVICE.version}`,
    );
  }

  try {
    await catalog.addLocation(
      { type: 'url', target: `${contentsUrl}/catalog-info.yaml` },
      { credentials },
    );
    logger.info(`Example data: registered ${name} in the catalog`);
    return 'seeded';
  } catch (error) {
    if (
      error instanceof ConflictError ||
      (error as Error).name === 'ConflictError'
    ) {
      return 'present';
    }
    throw error;
  }
}

/** A team's own change after creation, so the upgrade shows a three-way merge keeping it. */
async function addExampleEdit(gitHost: LocalGitHost, committer: GitIdentity) {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-example-edit-'));
  try {
    const readme = await gitText([
      `--git-dir=${gitHost.repositoryPath(EXAMPLE_SERVICE.name)}`,
      'show',
      `${DEFAULT_BRANCH}:README.md`,
    ]);
    await fs.writeFile(
      path.join(work, 'README.md'),
      `${readme.trimEnd()}\n\n## Example data\n\nThis service is example data of Paved's development portal. It was made from the\nTypeScript golden path at 1.0.0; the team edited this README since. Propose its upgrade from\nTemplate drift: the edit stays, 1.1.0's Dependabot configuration arrives.\n`,
    );
    await gitHost.commitFiles({
      name: EXAMPLE_SERVICE.name,
      sourceDirectory: work,
      author: { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      committer,
      message: 'Describe the service as example data',
      taskId: 'paved-example-data-edit',
    });
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
