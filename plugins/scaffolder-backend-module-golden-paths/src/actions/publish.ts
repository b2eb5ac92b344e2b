import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { UserEntity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import {
  LINEAGE_FILE,
  TEMPLATE_BRANCH,
} from '@paved/plugin-golden-paths-common';
import {
  DEFAULT_BRANCH,
  GitIdentity,
  LocalGitHost,
  REPOSITORY_NAME_PATTERN,
} from '@paved/plugin-githost-node';
import { repoContentsUrl } from '@paved/plugin-githost-node';
import {
  repositoryCloneUrl,
  repositoryPageUrl,
} from '@paved/plugin-githost-common';
import { GoldenPathSettings } from '@paved/plugin-golden-paths-node';

export const publishExamples = [
  {
    description:
      'Publish the whole workspace as a new repository on the local git host',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'paved:publish',
          name: 'Publish',
          input: {
            repoName: 'payments-api',
            description: 'Takes payments',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish only a subdirectory of the workspace, with a custom commit message',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'paved:publish',
          name: 'Publish',
          input: {
            repoName: 'ledger-service',
            sourcePath: 'service',
            gitCommitMessage: 'Create ledger-service from the Go golden path',
          },
        },
      ],
    }),
  },
];

/**
 * The requesting user becomes the author of the initial commit, as they would be had they pushed
 * it themselves; the platform stays the committer.
 */
export function authorFromUser(
  user: { entity?: UserEntity; ref?: string } | undefined,
  fallback: GitIdentity,
): GitIdentity {
  const entity = user?.entity;
  if (!entity) {
    return fallback;
  }
  const name = entity.spec?.profile?.displayName ?? entity.metadata.name;
  const email =
    entity.spec?.profile?.email ??
    `${entity.metadata.name}@users.noreply.paved.local`;
  return { name, email };
}

async function hasLineageFile(directory: string): Promise<boolean> {
  return fs
    .stat(path.join(directory, LINEAGE_FILE))
    .then(stat => stat.isFile())
    .catch(() => false);
}

/**
 * `paved:publish`: publishes the workspace to Paved's local git host as a new bare repository with
 * one commit authored by the requesting user; when the workspace records its template
 * (`.paved/template.yaml`), the same commit also starts the `paved/template` branch. Idempotent under retry and task recovery: the
 * result is checkpointed, and a repository found from an earlier attempt of the same task is
 * returned instead of being created again.
 */
export function createPublishAction(options: {
  gitHost: LocalGitHost;
  settings: GoldenPathSettings;
  /** `app.baseUrl`: the portal, where the repository's page is. */
  appBaseUrl: string;
}) {
  const { gitHost, settings, appBaseUrl } = options;
  return createTemplateAction({
    id: 'paved:publish',
    description:
      "Publishes the workspace to Paved's local git host as a new repository, authored by the requesting user",
    examples: publishExamples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description: `Repository name, matching ${REPOSITORY_NAME_PATTERN.source}`,
          }),
        description: z =>
          z.string({ description: 'Repository description' }).optional(),
        sourcePath: z =>
          z
            .string({
              description:
                'Subdirectory of the workspace to publish; the whole workspace by default',
            })
            .optional(),
        gitCommitMessage: z =>
          z.string({ description: 'Message of the initial commit' }).optional(),
      },
      output: {
        remoteUrl: z =>
          z.string({
            description:
              '`git clone` URL of the new repository, over HTTP with a Backstage token: `<backend>/api/githost/<repoName>.git`',
          }),
        repositoryUrl: z =>
          z.string({
            description:
              "The repository's page in the portal (branches, files, README, merge requests)",
          }),
        repoContentsUrl: z =>
          z.string({
            description: 'URL the catalog and TechDocs read the contents from',
          }),
        commitHash: z => z.string({ description: 'The initial commit' }),
      },
    },
    async handler(ctx) {
      const { repoName } = ctx.input;
      if (!REPOSITORY_NAME_PATTERN.test(repoName)) {
        throw new InputError(
          `repoName: '${repoName}' must match ${REPOSITORY_NAME_PATTERN.source}`,
        );
      }
      const sourceDirectory = ctx.input.sourcePath
        ? resolveSafeChildPath(ctx.workspacePath, ctx.input.sourcePath)
        : ctx.workspacePath;
      const contentsUrl = repoContentsUrl(
        settings.backendBaseUrl,
        repoName,
        DEFAULT_BRANCH,
      );
      const remoteUrl = repositoryCloneUrl(settings.backendBaseUrl, repoName);
      ctx.output('repositoryUrl', repositoryPageUrl(appBaseUrl, repoName));

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would publish ${sourceDirectory} as '${repoName}'`,
        );
        ctx.output('remoteUrl', remoteUrl);
        ctx.output('repoContentsUrl', contentsUrl);
        ctx.output('commitHash', '0'.repeat(40));
        return;
      }

      const author = authorFromUser(ctx.user, settings.committer);
      const published = await ctx.checkpoint({
        key: `paved.publish.${repoName}`,
        fn: () =>
          gitHost.publish({
            name: repoName,
            sourceDirectory,
            author,
            committer: settings.committer,
            message: ctx.input.gitCommitMessage ?? 'Initial commit from Paved',
            taskId: ctx.task.id,
            description: ctx.input.description,
          }),
      });
      // A golden path's output is the template's pristine output: `paved/template` starts here,
      // the base of every later upgrade's three-way merge.
      if (await hasLineageFile(sourceDirectory)) {
        await gitHost.ensureBranch(
          repoName,
          TEMPLATE_BRANCH,
          published.commitSha,
        );
      }
      ctx.logger.info(
        `Published ${repoName} at ${remoteUrl} (commit ${published.commitSha}, author ${author.name})`,
      );
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', contentsUrl);
      ctx.output('commitHash', published.commitSha);
    },
  });
}
