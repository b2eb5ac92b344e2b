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
