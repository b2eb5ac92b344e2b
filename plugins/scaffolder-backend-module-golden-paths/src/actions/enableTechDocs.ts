import path from 'node:path';
import fs from 'node:fs/promises';
import {
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  parseEntityRef,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { GoldenPathSettings } from '@paved/plugin-golden-paths-node';
import { isGitHostUrl, parseGitHostUrl } from '@paved/plugin-githost-node';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';

export const enableTechDocsExamples = [
  {
    description:
      "Write the component's catalog-info.yaml, with TechDocs enabled, into the workspace",
    example: yaml.stringify({
      steps: [
        {
          id: 'component',
          action: 'paved:techdocs:enable',
          name: 'Enable TechDocs in catalog-info.yaml',
          input: { entityRef: 'component:default/ledger-service' },
        },
      ],
    }),
  },
];

/**
 * `paved:techdocs:enable`: finds where an existing component is defined, and writes that
 * catalog-info.yaml into the workspace with `backstage.io/techdocs-ref: dir:.` added (comments and
 * formatting kept). Outputs where to commit it: the local git host repository, or the repoUrl for
 * `publish:github:pull-request` / `publish:gitlab:merge-request`.
 */
export function createEnableTechDocsAction(options: {
  catalog: CatalogService;
  reader: UrlReaderService;
  settings: GoldenPathSettings;
}) {
  const { catalog, reader, settings } = options;
  return createTemplateAction({
    id: 'paved:techdocs:enable',
    description:
      "Writes an existing component's catalog-info.yaml into the workspace with TechDocs enabled",
    examples: enableTechDocsExamples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z => z.string({ description: 'The component to document' }),
      },
      output: {
        target: z =>
          z.enum(['local', 'github', 'gitlab'], {
            description: 'Where the component lives',
          }),
        repository: z =>
          z.string({ description: 'Local git host repository, or empty' }),
        repoUrl: z =>
          z.string({ description: 'repoUrl for GitHub/GitLab, or empty' }),
        docsPath: z =>
          z.string({
            description:
              'Directory of catalog-info.yaml in the repository; mkdocs.yml goes there',
          }),
        entityRef: z =>
          z.string({ description: 'The component, as a full entity ref' }),
        docsPagePath: z =>
          z.string({ description: "Path of the component's docs in Paved" }),
      },
    },
    async handler(ctx) {
      let ref;
      try {
        ref = parseEntityRef(ctx.input.entityRef, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        });
      } catch {
        throw new InputError(
          `entityRef: '${ctx.input.entityRef}' is not an entity reference`,
        );
      }
      const entityRef = stringifyEntityRef(ref);
      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(ref, { credentials });
      if (!entity) {
        throw new InputError(
          `entityRef: ${entityRef} does not exist in the catalog`,
        );
      }
      const existing = entity.metadata.annotations?.[TECHDOCS_REF];
      if (existing) {
        throw new InputError(
          `entityRef: ${entityRef} already has TechDocs (${TECHDOCS_REF}: ${existing})`,
        );
      }
      const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
      const { type, target } = location
        ? parseLocationRef(location)
        : { type: 'none', target: '' };
      if (type !== 'url') {
        throw new InputError(
          `entityRef: ${entityRef} is defined in ${
            location ?? 'no location'
          }, which is not a repository Paved can change; add ${TECHDOCS_REF} there by hand`,
        );
      }

      const url = new URL(target);
      let filePath: string;
      let repository = '';
      let repoUrl = '';
      let targetKind: 'local' | 'github' | 'gitlab';
      if (isGitHostUrl(url, settings.backendBaseUrl)) {
        const parsed = parseGitHostUrl(target);
        repository = parsed.repository;
        filePath = parsed.filePath;
        targetKind = 'local';
      } else {
        // https://<host>/<owner>/<repo>/blob/<ref>/<path> (GitHub) or .../-/blob/<ref>/<path> (GitLab)
        const match = url.pathname.match(
          /^\/([^/]+)\/([^/]+)\/(-\/)?blob\/[^/]+\/(.+)$/,
        );
        if (!match) {
          throw new InputError(
            `entityRef: cannot tell the repository of ${target}`,
          );
        }
        targetKind = match[3] ? 'gitlab' : 'github';
        repoUrl = `${url.host}?owner=${encodeURIComponent(
          match[1],
        )}&repo=${encodeURIComponent(match[2])}`;
        filePath = decodeURIComponent(match[4]);
      }

      const original = (await (await reader.readUrl(target)).buffer()).toString(
        'utf8',
      );
      const documents = yaml.parseAllDocuments(original);
      const document = documents.find(
        d =>
          String(d.getIn(['kind'])).toLocaleLowerCase('en-US') === ref.kind &&
          d.getIn(['metadata', 'name']) === ref.name,
      );
      if (!document) {
        throw new InputError(
          `entityRef: ${target} does not define ${entityRef}`,
        );
      }
      document.setIn(['metadata', 'annotations', TECHDOCS_REF], 'dir:.');
      const rewritten = documents.map(d => d.toString()).join('');

      const outputFile = resolveSafeChildPath(ctx.workspacePath, filePath);
      await fs.mkdir(path.dirname(outputFile), { recursive: true });
      await fs.writeFile(outputFile, rewritten);

      const docsPath = path.posix.dirname(filePath);
      ctx.output('target', targetKind);
      ctx.output('repository', repository);
      ctx.output('repoUrl', repoUrl);
      ctx.output('docsPath', docsPath === '.' ? '' : docsPath);
      ctx.output('entityRef', entityRef);
      ctx.output(
        'docsPagePath',
        `/docs/${ref.namespace}/${ref.kind}/${ref.name}`,
      );
    },
  });
}
