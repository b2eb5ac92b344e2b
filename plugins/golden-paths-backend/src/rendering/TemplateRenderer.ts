import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import {
  ANNOTATION_TEMPLATE_VERSION,
  compareTemplateVersions,
} from '@paved/plugin-golden-paths-common';
import { runGit } from '@paved/plugin-githost-node';
import yaml from 'yaml';

/** Where a template keeps its earlier versions: `history/<version>.patch`, what that version changed. */
export const TEMPLATE_HISTORY_DIRECTORY = 'history';

type TemplateStep = {
  id?: string;
  action: string;
  input?: Record<string, unknown>;
};

/** The template's directory, as `template.yaml` and its skeleton, at one version. */
export type TemplateSource = {
  templateRef: string;
  version: string;
  /** `file://.../template.yaml` of a local copy at that version. */
  baseUrl: string;
  /** The `fetch:template` step's input, without its values. */
  fetchInput: Record<string, unknown>;
  /** The `fetch:template` step's values as written (expressions not evaluated). */
  values: Record<string, unknown>;
  /** The version's `spec.parameters` (the form's JSON schemas, with their defaults). */
  parameters: unknown;
};

/**
 * Where the scaffolder reads a template's files from (its `baseUrl`): the entity's
 * source location, else the location it was registered from.
 */
export function templateBaseUrl(template: Entity): string {
  const annotations = template.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_SOURCE_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  if (!location) {
    throw new InputError(
      `${stringifyEntityRef(template)} has no location to read its files from`,
    );
  }
  const { type, target } = parseLocationRef(location);
  return type === 'file' ? pathToFileURL(target).toString() : target;
}

/**
 * Renders a golden-path template outside a scaffolder task, with the scaffolder's own
 * `fetch:template` action (its nunjucks environment, filters and copy rules), so an upgrade renders
 * exactly what a new task would. Earlier versions come from the template's `history/` patches,
 * applied in reverse from the current version down.
 */
export class TemplateRenderer {
  private readonly fetchTemplate;
  private readonly sources = new Map<string, Promise<TemplateSource>>();

  constructor(
    private readonly deps: {
      reader: UrlReaderService;
      integrations: ScmIntegrations;
      logger: LoggerService;
      /** Where template copies at earlier versions are kept while the process runs. */
      workDirectory?: string;
    },
  ) {
    this.fetchTemplate = createFetchTemplateAction({
      reader: deps.reader,
      integrations: deps.integrations,
    });
  }

  /** The template's files at `version` (default: its current one), prepared once per process. */
  source(template: Entity, version?: string): Promise<TemplateSource> {
    const current =
      template.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];
    const key = `${stringifyEntityRef(template)}@${version ?? current}@${
      template.metadata.etag ?? ''
    }`;
    let source = this.sources.get(key);
    if (!source) {
      source = this.prepare(template, version ?? current);
      source.catch(() => this.sources.delete(key));
      this.sources.set(key, source);
    }
    return source;
  }

  private async prepare(
    template: Entity,
    version: string | undefined,
  ): Promise<TemplateSource> {
    const templateRef = stringifyEntityRef(template);
    const current =
      template.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];
    if (!current || !version) {
      throw new InputError(
        `${templateRef} has no ${ANNOTATION_TEMPLATE_VERSION} annotation`,
      );
    }
    let baseUrl = templateBaseUrl(template);
    let spec = template.spec as {
      steps?: TemplateStep[];
      parameters?: unknown;
    };
    if (compareTemplateVersions(version, current) !== 0) {
      const directory = await this.checkoutVersion(
        templateRef,
        baseUrl,
        current,
        version,
      );
      const file = path.join(directory, 'template.yaml');
      spec = yaml.parse(await fs.readFile(file, 'utf8')).spec;
      baseUrl = pathToFileURL(file).toString();
    }
    const step = spec.steps?.find(s => s.action === 'fetch:template');
    if (!step?.input) {
      throw new InputError(`${templateRef} has no fetch:template step`);
    }
    const { values, ...fetchInput } = step.input;
    const templated = Object.entries(fetchInput)
      .filter(([, value]) => JSON.stringify(value).includes('${{'))
      .map(([name]) => name);
    if (templated.length > 0) {
      throw new InputError(
        `${templateRef}: the fetch:template inputs ${templated.join(
          ', ',
        )} depend on the form; only its values can be recorded and rendered again`,
      );
    }
    return {
      templateRef,
      version,
      baseUrl,
      fetchInput,
      values:
        values && typeof values === 'object'
          ? (values as Record<string, unknown>)
          : {},
      parameters: spec.parameters,
    };
  }

  /**
   * A copy of the template directory at an earlier version: the current files with each newer
   * version's patch reversed (`git apply -R history/<v>.patch`, newest first).
   */
  private async checkoutVersion(
    templateRef: string,
    baseUrl: string,
    current: string,
    version: string,
  ): Promise<string> {
    if (compareTemplateVersions(version, current) > 0) {
      throw new NotFoundError(
        `${templateRef} has no version ${version} (its latest is ${current})`,
      );
    }
    const root =
      this.deps.workDirectory ?? path.join(os.tmpdir(), 'paved-templates');
    await fs.mkdir(root, { recursive: true });
    const directory = await fs.mkdtemp(path.join(root, 'template-'));
    if (baseUrl.startsWith('file:')) {
      await fs.cp(path.dirname(fileURLToPath(baseUrl)), directory, {
        recursive: true,
      });
    } else {
      const tree = await this.deps.reader.readTree(
        new URL('.', baseUrl).toString(),
      );
      await tree.dir({ targetDir: directory });
    }
    const historyDirectory = path.join(directory, TEMPLATE_HISTORY_DIRECTORY);
    const patches = (await fs.readdir(historyDirectory).catch(() => []))
      .filter(file => file.endsWith('.patch'))
      .map(file => file.slice(0, -'.patch'.length))
      .filter(v => compareTemplateVersions(v, version) > 0)
      .sort((a, b) => compareTemplateVersions(b, a));
    // The newest patch must be the current version's, or its changes could not be undone.
    if (!patches.some(v => compareTemplateVersions(v, current) === 0)) {
      throw new NotFoundError(
        `${templateRef} keeps no history from ${current} back to ${version} (${TEMPLATE_HISTORY_DIRECTORY}/<version>.patch)`,
      );
    }
    for (const patch of patches) {
      await runGit(
        [
          'apply',
          '-R',
          '--whitespace=nowarn',
          path.join(historyDirectory, `${patch}.patch`),
        ],
        { cwd: directory },
      );
    }
    return directory;
  }

  /**
   * Renders the template at `source` with the recorded inputs into `targetDirectory` (created if
   * missing), exactly as the template's `fetch:template` step does.
   */
  async render(options: {
    source: TemplateSource;
    inputs: Record<string, unknown>;
    targetDirectory: string;
  }): Promise<void> {
    const { source, inputs, targetDirectory } = options;
    await fs.mkdir(targetDirectory, { recursive: true });
    const temporary: string[] = [];
    // fetch:template narrates every file at info level; an upgrade run renders hundreds.
    const quiet = { ...this.deps.logger, info: () => {}, child: () => quiet };
    try {
      await this.fetchTemplate.handler({
        input: { ...source.fetchInput, targetPath: './', values: inputs },
        workspacePath: targetDirectory,
        logger: quiet as LoggerService,
        templateInfo: {
          baseUrl: source.baseUrl,
          entityRef: source.templateRef,
        },
        createTemporaryDirectory: async () => {
          const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-render-'));
          temporary.push(dir);
          return dir;
        },
        checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
        output: () => {},
        getInitiatorCredentials: async () => {
          throw new Error('rendering an upgrade has no initiator');
        },
        task: { id: `paved-upgrade-${source.templateRef}@${source.version}` },
        isDryRun: false,
      } as unknown as Parameters<typeof this.fetchTemplate.handler>[0]);
    } finally {
      await Promise.all(
        temporary.map(dir => fs.rm(dir, { recursive: true, force: true })),
      );
    }
  }
}
