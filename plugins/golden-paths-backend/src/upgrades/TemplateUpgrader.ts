import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  LINEAGE_FILE,
  TEMPLATE_BRANCH,
  TEMPLATE_VERSION_TRAILER,
  TemplateLineageFile,
  compareTemplateVersions,
  templateLineageFileSchema,
  upgradeBranchName,
} from '@paved/plugin-golden-paths-common';
import {
  GitCommandError,
  GitIdentity,
  gitText,
  runGit,
} from '@paved/plugin-githost-node';
import yaml from 'yaml';
import { TemplateRenderer } from '../rendering/TemplateRenderer';
import { completeInputs } from '../rendering/templateInputs';

/**
 * The template's new version needs inputs the repository never recorded and that have no
 * default: rendering without them would be silently wrong, so the upgrade waits for them.
 */
export class MissingTemplateInputsError extends InputError {
  constructor(
    readonly templateRef: string,
    readonly toVersion: string,
    readonly inputs: string[],
  ) {
    super(
      `${templateRef} ${toVersion} needs inputs that ${LINEAGE_FILE} does not record and that have no default: ${inputs.join(
        ', ',
      )}; add them under inputs: in ${LINEAGE_FILE} on the default branch`,
    );
  }
}

/** An upgrade made ready in a repository: its branch, waiting for a change request. */
export type PreparedUpgrade = {
  templateRef: string;
  fromVersion: string;
  toVersion: string;
  /** `paved/upgrade-<toVersion>`, branched off the default branch. */
  branch: string;
  /** The merge commit at the head of {@link PreparedUpgrade.branch}. */
  commitSha: string;
  /** The `paved/template` commit holding the new version's pristine output. */
  templateCommit: string;
  /** Files committed with conflict markers; empty when the merge was clean. */
  conflicts: string[];
  /** New inputs the repository had not recorded, rendered with their parameter's non-empty default. */
  defaulted: string[];
  /**
   * New inputs rendered empty: computed by template steps (not recorded and not recomputable),
   * or optional with no default or an empty one.
   */
  empty: string[];
};

/**
 * Prepares a template upgrade inside a bare repository, without a work tree: renders the
 * template's latest version with the inputs recorded in `.paved/template.yaml` onto the
 * `paved/template` branch, then merges that branch into a new branch off the default branch with
 * git's own three-way merge (`git merge-tree`), whose base is the previous pristine output. Local
 * edits survive; conflicting hunks are committed with their markers and listed, never resolved.
 */
export class TemplateUpgrader {
  constructor(
    private readonly deps: {
      renderer: TemplateRenderer;
      /** Author and committer of the rendered and merge commits. */
      committer: GitIdentity;
    },
  ) {}

  /** What `.paved/template.yaml` on a ref says, or NotFoundError when the file is absent. */
  async readLineage(gitDir: string, ref: string): Promise<TemplateLineageFile> {
    let text: string;
    try {
      text = await gitText([
        `--git-dir=${gitDir}`,
        'show',
        `${ref}:${LINEAGE_FILE}`,
      ]);
    } catch {
      throw new NotFoundError(`${LINEAGE_FILE} does not exist on ${ref}`);
    }
    const parsed = templateLineageFileSchema.safeParse(yaml.parse(text));
    if (!parsed.success) {
      throw new InputError(
        `${LINEAGE_FILE} on ${ref} is not a template lineage: ${parsed.error.issues
          .map(issue => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')}`,
      );
    }
    return parsed.data;
  }

  async prepare(options: {
    gitDir: string;
    template: Entity;
    defaultBranch: string;
  }): Promise<PreparedUpgrade> {
    const { gitDir, template, defaultBranch } = options;
    const git = (args: string[], env?: Record<string, string>) =>
      gitText([`--git-dir=${gitDir}`, ...args], { env });
    const templateRef = stringifyEntityRef(template);
    const base = await git([
      'rev-parse',
      '--verify',
      `refs/heads/${defaultBranch}^{commit}`,
    ]);
    const lineage = await this.readLineage(gitDir, base);
    if (
      lineage.template.toLocaleLowerCase('en-US') !==
      templateRef.toLocaleLowerCase('en-US')
    ) {
      throw new InputError(
        `${LINEAGE_FILE} records ${lineage.template}, not ${templateRef}`,
      );
    }
    const source = await this.deps.renderer.source(template);
    if (compareTemplateVersions(lineage.version, source.version) >= 0) {
      throw new ConflictError(
        `already at ${lineage.version}, the latest version of ${templateRef}`,
      );
    }
    const completion = completeInputs({
      recorded: lineage.inputs,
      values: source.values,
      parameters: source.parameters,
    });
    if (completion.missing.length > 0) {
      throw new MissingTemplateInputsError(
        templateRef,
        source.version,
        completion.missing,
      );
    }
    const templateHead = await git([
      'rev-parse',
      '--verify',
      `refs/heads/${TEMPLATE_BRANCH}^{commit}`,
    ]).catch(() => {
      throw new NotFoundError(
        `the repository has no ${TEMPLATE_BRANCH} branch (the template's pristine output), so there is no base to merge from`,
      );
    });

    const identity = {
      GIT_AUTHOR_NAME: this.deps.committer.name,
      GIT_AUTHOR_EMAIL: this.deps.committer.email,
      GIT_COMMITTER_NAME: this.deps.committer.name,
      GIT_COMMITTER_EMAIL: this.deps.committer.email,
    };
    const templateCommit = await this.renderOntoTemplateBranch({
      gitDir,
      templateHead,
      inputs: completion.inputs,
      source,
      identity,
    });

    // git merge-tree answers 0 for a clean merge and 1 with conflicts, the tree on its first line
    // either way (conflicted files hold their markers), then the conflicted paths.
    let output: string;
    try {
      output = await git([
        'merge-tree',
        '--write-tree',
        '--name-only',
        '--no-messages',
        base,
        templateCommit,
      ]);
    } catch (error) {
      if (!(error instanceof GitCommandError) || error.exitCode !== 1)
        throw error;
      output = error.stdout.toString('utf8').trim();
    }
    const [tree, ...conflicts] = output.split('\n').filter(Boolean);
    const branch = upgradeBranchName(source.version);
    const message = [
      `Upgrade to ${templateRef} ${source.version}`,
      '',
      `Paved rendered ${source.version} of the template with the inputs in ${LINEAGE_FILE} onto`,
      `${TEMPLATE_BRANCH} and merged it here (three-way: the base is the ${lineage.version} output,`,
      'so local changes are kept).',
      ...(conflicts.length > 0
        ? [
            '',
            'Conflicts, committed with their markers; resolve them on this branch before merging:',
            ...conflicts.map(file => `- ${file}`),
          ]
        : []),
    ].join('\n');
    const commitSha = await git(
      ['commit-tree', tree, '-p', base, '-p', templateCommit, '-m', message],
      identity,
    );
    // The branch is Paved's: one left by an earlier, closed proposal is replaced.
    await git(['update-ref', `refs/heads/${branch}`, commitSha]);
    return {
      templateRef,
      fromVersion: lineage.version,
      toVersion: source.version,
      branch,
      commitSha,
      templateCommit,
      conflicts,
      defaulted: completion.defaulted,
      empty: completion.empty,
    };
  }

  /**
   * The `paved/template` commit of the new version: the current head when an earlier attempt
   * already rendered it (by its trailer), else a new commit of the rendered files on top of it.
   */
  private async renderOntoTemplateBranch(options: {
    gitDir: string;
    templateHead: string;
    /** The recorded inputs, completed for the new version. */
    inputs: Record<string, unknown>;
    source: Awaited<ReturnType<TemplateRenderer['source']>>;
    identity: Record<string, string>;
  }): Promise<string> {
    const { gitDir, templateHead, inputs, source, identity } = options;
    const gitDirArg = `--git-dir=${gitDir}`;
    const rendered = await gitText([
      gitDirArg,
      'log',
      '-1',
      `--format=%(trailers:key=${TEMPLATE_VERSION_TRAILER},valueonly)`,
      templateHead,
    ]);
    if (rendered === source.version) {
      return templateHead;
    }
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-upgrade-'));
    try {
      const files = path.join(work, 'files');
      await this.deps.renderer.render({
        source,
        inputs: { ...inputs, templateVersion: source.version },
        targetDirectory: files,
      });
      // A private, empty index: the commit holds exactly the rendered files, so files the new
      // version no longer has are deleted on paved/template (and by the merge, unless edited).
      const env = { ...identity, GIT_INDEX_FILE: path.join(work, 'index') };
      await runGit([gitDirArg, `--work-tree=${files}`, 'add', '--all', '.'], {
        cwd: files,
        env,
      });
      const tree = await gitText([gitDirArg, 'write-tree'], { env });
      const commit = await gitText(
        [
          gitDirArg,
          'commit-tree',
          tree,
          '-p',
          templateHead,
          '-m',
          `Render ${source.templateRef} ${source.version}\n\n${TEMPLATE_VERSION_TRAILER}: ${source.version}\n`,
        ],
        { env },
      );
      // Compare-and-swap: a concurrent run that advanced the branch first wins.
      try {
        await runGit([
          gitDirArg,
          'update-ref',
          `refs/heads/${TEMPLATE_BRANCH}`,
          commit,
          templateHead,
        ]);
      } catch (error) {
        throw new ConflictError(
          `${TEMPLATE_BRANCH} moved while rendering ${source.version}; try again`,
          error,
        );
      }
      return commit;
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  }
}
