import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  RELATION_OWNED_BY,
  parseEntityRef,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatViolation } from '@paved/backend-platform';
import {
  GoldenPathSettings,
  TeamMembership,
} from '@paved/plugin-golden-paths-node';
import {
  LocalGitHost,
  REPOSITORY_NAME_PATTERN,
  isGitHostUrl,
  parseGitHostUrl,
} from '@paved/plugin-githost-node';
import yaml from 'yaml';
import { authorFromUser } from './publish';

export const commitExamples = [
  {
    description:
      "Add the rendered docs to a component's repository and refresh the component",
    example: yaml.stringify({
      steps: [
        {
          id: 'commit',
          action: 'paved:commit',
          name: 'Commit the docs',
          input: {
            repoName: 'ledger-service',
            entityRef: 'component:default/ledger-service',
            message: 'Add TechDocs',
          },
        },
      ],
    }),
  },
];

/** The local git host repository an entity is defined in, or undefined. */
function repositoryOf(
  annotations: Record<string, string> | undefined,
  backendBaseUrl: string,
): string | undefined {
  const location = annotations?.[ANNOTATION_LOCATION];
  if (!location) return undefined;
  try {
    const { type, target } = parseLocationRef(location);
    if (type !== 'url' || !isGitHostUrl(new URL(target), backendBaseUrl)) {
      return undefined;
    }
    return parseGitHostUrl(target).repository;
  } catch {
    return undefined;
  }
}

/**
 * `paved:commit`: adds the workspace's files to a component's repository on the local git host as
 * one commit on main, authored by the requesting user, then refreshes the component. Only the
 * component's owners, their members and the platform team may commit, and the repository must be
 * the one the component is defined in (read from the catalog with the user's own credentials), so
 * nobody writes to another team's repository through a template. Idempotent: a retried task finds
 * its own commit by its `Paved-Task` trailer instead of committing twice.
 */
export function createCommitAction(options: {
  gitHost: LocalGitHost;
  catalog: CatalogService;
  membership: TeamMembership;
  settings: GoldenPathSettings;
}) {
  const { gitHost, catalog, membership, settings } = options;
  return createTemplateAction({
    id: 'paved:commit',
    description:
      "Commits the workspace's files on top of a component's repository on Paved's local git host (owners and the platform team only)",
    examples: commitExamples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description: 'Existing repository on the local git host',
          }),
        entityRef: z =>
          z.string({
            description:
              'The component defined in that repository; the user must belong to its owner (or the platform team). Refreshed after the commit.',
          }),
        message: z => z.string({ description: 'Commit message' }),
        sourcePath: z =>
          z
            .string({ description: 'Subdirectory of the workspace to commit' })
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
          formatViolation({
            field: 'repoName',
            problem: `'${repoName}' must match ${REPOSITORY_NAME_PATTERN.source}`,
            rule: 'pattern',
          }),
        );
      }
      let entityRef: string;
      try {
        entityRef = stringifyEntityRef(
          parseEntityRef(ctx.input.entityRef, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        );
      } catch {
        throw new InputError(
          formatViolation({
            field: 'entityRef',
            problem: `'${ctx.input.entityRef}' is not an entity reference`,
            rule: 'entity-ref',
          }),
        );
      }

      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new InputError(
          formatViolation({
            field: 'entityRef',
            problem: `${entityRef} does not exist in the catalog`,
            rule: 'exists',
          }),
        );
      }
      const repository = repositoryOf(
        entity.metadata.annotations,
        settings.backendBaseUrl,
      );
      if (repository !== repoName) {
        throw new InputError(
          formatViolation({
            field: 'repoName',
            problem: `${entityRef} is not defined in repository '${repoName}' of the local git host (its repository: ${
              repository ? `'${repository}'` : 'none on the local git host'
            })`,
            rule: 'component-repository',
          }),
        );
      }
      await membership.assertMayActFor({
        userRef: ctx.user?.ref,
        ownerRefs: (entity.relations ?? [])
          .filter(relation => relation.type === RELATION_OWNED_BY)
          .map(relation => relation.targetRef),
        credentials,
        field: 'entityRef',
        what: `commit to repository '${repoName}' of ${entityRef}`,
      });
      if (!(await gitHost.exists(repoName))) {
        throw new InputError(
          formatViolation({
            field: 'repoName',
            problem: `repository '${repoName}' does not exist on the local git host`,
            rule: 'exists',
          }),
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
            author: authorFromUser(ctx.user, settings.committer),
            committer: settings.committer,
            message: ctx.input.message,
            taskId: ctx.task.id,
          }),
      });
      ctx.logger.info(
        result.created
          ? `Committed ${result.commitSha} to ${repoName}`
          : `${repoName} already has this task's commit ${result.commitSha}`,
      );
      // The catalog would notice on its next pass; refreshing shows the change right away.
      await catalog.refreshEntity(entityRef, { credentials });
      ctx.output('commitHash', result.commitSha);
    },
  });
}
