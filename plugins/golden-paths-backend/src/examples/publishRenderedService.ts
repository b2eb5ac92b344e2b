import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { TEMPLATE_BRANCH } from '@paved/plugin-golden-paths-common';
import {
  GitIdentity,
  LocalGitHost,
  PublishedRepository,
} from '@paved/plugin-githost-node';
import { TemplateRenderer } from '../rendering/TemplateRenderer';

/**
 * Publishes a service rendered from a template at a given version to the local git host, as the
 * golden path's `paved:publish` does (first commit, `paved/template` at the same commit). Used for
 * the example organisation's service made at an earlier version, and by tests and benchmarks.
 */
export async function publishRenderedService(options: {
  renderer: TemplateRenderer;
  gitHost: LocalGitHost;
  template: Entity;
  version?: string;
  inputs: Record<string, unknown>;
  repository: string;
  committer: GitIdentity;
  /** Recognises a retried publish (see LocalGitHost.publish). */
  taskId: string;
  message?: string;
}): Promise<PublishedRepository> {
  const { renderer, gitHost, repository, committer } = options;
  const source = await renderer.source(options.template, options.version);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-example-'));
  try {
    await renderer.render({
      source,
      inputs: { ...options.inputs, templateVersion: source.version },
      targetDirectory: work,
    });
    const published = await gitHost.publish({
      name: repository,
      sourceDirectory: work,
      author: committer,
      committer,
      message:
        options.message ??
        `Create ${repository} from ${source.templateRef} ${source.version}`,
      taskId: options.taskId,
      description: String(options.inputs.description ?? ''),
    });
    await gitHost.ensureBranch(
      repository,
      TEMPLATE_BRANCH,
      published.commitSha,
    );
    return published;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
