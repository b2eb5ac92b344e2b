import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { TemplateRenderer } from '../rendering/TemplateRenderer';

/** The repository's own `templates/` directory. */
export const TEMPLATES_DIRECTORY = path.resolve(
  __dirname,
  '../../../../templates',
);

export const SERVICE_TEMPLATES = [
  'typescript-service',
  'python-service',
  'go-service',
] as const;

/** A template of `templates/` as the catalog holds it (registered from its file). */
export function templateEntity(
  name: string,
  overrides?: { version?: string },
): Entity {
  const file = path.join(TEMPLATES_DIRECTORY, name, 'template.yaml');
  const entity = yaml.parse(fs.readFileSync(file, 'utf8')) as Entity;
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    [ANNOTATION_LOCATION]: `file:${file}`,
    ...(overrides?.version && {
      'paved.dev/template-version': overrides.version,
    }),
  };
  return entity;
}

/** The inputs the TypeScript golden path's fetch:template step renders with. */
export function serviceInputs(
  name: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    description: `The ${name} service`,
    owner: 'group:default/payments',
    codeOwner: '@payments',
    system: 'system:default/payments',
    sourceLocation: `http://localhost:7007/api/githost/${name}/blob/main/`,
    projectSlug: '',
    templateRef: 'template:default/typescript-service',
    templateVersion: '1.0.0',
    createdAt: '2026-12-01T09:00:00Z',
    createdOn: '2026-12-01',
    language: 'typescript',
    languageLabel: 'TypeScript',
    api: 'http',
    database: 'none',
    httpPort: 8080,
    grpcPort: 9090,
    ...overrides,
  };
}

export function createTestRenderer() {
  return new TemplateRenderer({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    logger: mockServices.logger.mock(),
  });
}

/**
 * A copy of the TypeScript golden path in `directory` whose version 1.2.0 adds a form parameter
 * `tier`, rendered into `docs/tier.md`: with `default: standard`, or required with no default.
 * Its `history/1.2.0.patch` is what 1.2.0 changed, as the repository's templates keep theirs.
 */
export async function templateAddingInput(
  directory: string,
  options: { withDefault: boolean },
): Promise<Entity> {
  const root = path.join(directory, 'typescript-service');
  fs.cpSync(path.join(TEMPLATES_DIRECTORY, 'typescript-service'), root, {
    recursive: true,
  });
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git(
    '-c',
    'user.name=Paved',
    '-c',
    'user.email=paved@example.com',
    'commit',
    '-qm',
    '1.1.0',
  );
  const file = path.join(root, 'template.yaml');
  let text = fs.readFileSync(file, 'utf8');
  const replace = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`template.yaml lacks ${from}`);
    text = text.replace(from, to);
  };
  replace(
    'paved.dev/template-version: 1.1.0',
    'paved.dev/template-version: 1.2.0',
  );
  replace(
    '    - title: Technical choices\n      properties:\n',
    [
      '    - title: Technical choices',
      ...(options.withDefault ? [] : ['      required: [tier]']),
      '      properties:',
      '        tier:',
      '          title: Service tier',
      '          type: string',
      '          enum: [standard, critical]',
      ...(options.withDefault ? ['          default: standard'] : []),
      '',
    ].join('\n'),
  );
  replace(
    '          httpPort: 8080\n',
    '          tier: ${{ parameters.tier }}\n          httpPort: 8080\n',
  );
  fs.writeFileSync(file, text);
  fs.writeFileSync(
    path.join(root, 'skeleton/docs/tier.md'),
    '# Service tier\n\nThis service is ${{ values.tier }}.\n',
  );
  git('add', '-A');
  fs.writeFileSync(
    path.join(root, 'history/1.2.0.patch'),
    git('diff', '--cached'),
  );
  const entity = yaml.parse(text) as Entity;
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    [ANNOTATION_LOCATION]: `file:${file}`,
  };
  return entity;
}
