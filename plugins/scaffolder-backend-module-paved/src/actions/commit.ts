import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { LocalGitHost, REPOSITORY_NAME_PATTERN } from '@paved/plugin-githost-node';
import { PavedScaffolderConfig } from '../config';
import { authorFromUser } from './publish';

export const commitExamples = [
  {
    description:
      'Add the rendered docs to an existing repository and refresh its component',
    example: yaml.stringify({
      steps: [
        {
          id: 'commit',
          action: 'paved:commit',
          name: 'Commit the docs',
          input: {
            repoName: 'ledger-service',
            message: 'Add TechDocs',
            refreshEntityRef: 'component:default/ledger-service',
          },
        },
      ],
    }),
  },
];

/**
 * `paved:commit`: adds the workspace's files to an existing repository of the local git host as
 * one commit on main, authored by the requesting user. Idempotent: a retried task finds its own
 * commit by its `Paved-Task` trailer instead of committing twice.
 */
export function createCommitAction(options: {
  gitHost: LocalGitHost;
  catalog: CatalogService;
  config: PavedScaffolderConfig;
}) {
  const { gitHost, catalog, config } = options;
  return createTemplateAction({
    id: 'paved:commit',
    description:
      "Commits the workspace's files on top of an existing repository of Paved's local git host",
    examples: commitExamples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description: 'Existing repository on the local git host',
          }),
        message: z => z.string({ description: 'Commit message' }),
        sourcePath: z =>
          z
            .string({ description: 'Subdirectory of the workspace to commit' })
            .optional(),
        refreshEntityRef: z =>
          z
            .string({
              description: 'Entity to refresh in the catalog after the commit',
            })
            .optional(),
      },
      output: {
        commitHash: z =>
          z.string({ description: 'The new (or already made) commit' }),
      },
    },
    async handler(ctx) {
      const { repoName } = ctx.input;
      if (!REPOSITORY_NAME_PATTERN.test(repoName)) {
        throw new InputError(
          `repoName: '${repoName}' must match ${REPOSITORY_NAME_PATTERN.source}`,
        );
      }
      if (!(await gitHost.exists(repoName))) {
        throw new InputError(
          `repoName: repository '${repoName}' does not exist on the local git host`,
        );
      }
      const sourceDirectory = ctx.input.sourcePath
        ? resolveSafeChildPath(ctx.workspacePath, ctx.input.sourcePath)
        : ctx.workspacePath;
      if (ctx.isDryRun) {
        ctx.output('commitHash', '0'.repeat(40));
        return;
      }
      const result = await ctx.checkpoint({
        key: `paved.commit.${repoName}`,
        fn: () =>
          gitHost.commitFiles({
            name: repoName,
            sourceDirectory,
            author: authorFromUser(ctx.user, config.committer),
            committer: config.committer,
            message: ctx.input.message,
            taskId: ctx.task.id,
          }),
      });
      ctx.logger.info(
        result.created
          ? `Committed ${result.commitSha} to ${repoName}`
          : `${repoName} already has this task's commit ${result.commitSha}`,
      );
      if (ctx.input.refreshEntityRef) {
        // The catalog would notice on its next pass; refreshing shows the change right away.
        await catalog.refreshEntity(ctx.input.refreshEntityRef, {
          credentials: await ctx.getInitiatorCredentials(),
        });
      }
      ctx.output('commitHash', result.commitSha);
    },
  });
}
