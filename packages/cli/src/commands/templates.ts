import { Command } from 'commander';
import { ANNOTATION_TEMPLATE_VERSION } from '@paved/plugin-golden-paths-common';
import { CommandContext } from '../program';
import { PortalClient } from '../portal/PortalClient';

/** The catalog entity fields the CLI reads (a subset of @backstage/catalog-model's Entity). */
export interface CatalogEntity {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    tags?: string[];
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

export interface TemplateSummary {
  ref: string;
  name: string;
  title: string;
  type: string;
  version: string | null;
  tags: string[];
  description: string;
}

export function entityRef(entity: CatalogEntity): string {
  return `${entity.kind.toLocaleLowerCase('en-US')}:${
    entity.metadata.namespace ?? 'default'
  }/${entity.metadata.name}`;
}

export async function listTemplates(
  portal: PortalClient,
): Promise<TemplateSummary[]> {
  const { items } = await portal.get<{ items: CatalogEntity[] }>(
    'catalog',
    '/entities/by-query',
    { filter: 'kind=template', orderField: 'metadata.name,asc', limit: '500' },
  );
  return items.map(entity => ({
    ref: entityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    type: String(entity.spec?.type ?? ''),
    version: entity.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION] ?? null,
    tags: entity.metadata.tags ?? [],
    description: (entity.metadata.description ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  }));
}

export function registerTemplateCommands(
  program: Command,
  context: CommandContext,
): void {
  program
    .command('templates')
    .description('List the golden-path templates you can run')
    .addHelpText(
      'after',
      `
Examples:
  $ platform templates
  $ platform templates --json | jq -r '.[].ref'`,
    )
    .action(async (_options, command: Command) => {
      const templates = await listTemplates(await context.portal());
      if (context.json(command)) {
        context.terminal.json(templates);
        return;
      }
      context.terminal.table(
        [
          { header: 'TEMPLATE', value: t => t.name },
          { header: 'TYPE', value: t => t.type },
          { header: 'VERSION', value: t => t.version ?? '-' },
          { header: 'TITLE', value: t => t.title },
        ],
        templates,
        'No templates in the catalog.',
      );
    });
}
