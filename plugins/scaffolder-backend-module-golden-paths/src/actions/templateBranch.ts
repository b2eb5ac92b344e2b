import { ConflictError, InputError, ResponseError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';
import { TEMPLATE_BRANCH } from '@paved/plugin-golden-paths-common';
import yaml from 'yaml';

export const templateBranchExamples = [
  {
    description:
      'Start paved/template at the commit publish:github made (the pristine template output)',
    example: yaml.stringify({
      steps: [
        {
          id: 'template-branch',
          action: 'paved:template:branch',
          name: 'Keep the pristine template output',
          input: {
            repoUrl: 'github.com?owner=paved-org&repo=payments-api',
            commitHash: '5f1c0a3e9b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e',
          },
        },
      ],
    }),
  },
  {
    description: 'The same for a project publish:gitlab created',
    example: yaml.stringify({
      steps: [
        {
          id: 'template-branch',
          action: 'paved:template:branch',
          name: 'Keep the pristine template output',
          input: {
            repoUrl: 'gitlab.com?owner=paved-org%2Fpayments&repo=ledger',
            commitHash: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
          },
        },
      ],
    }),
  },
];

const COMMIT_HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Where the branch points once created: the commit asked for, or a ConflictError. */
function sameCommit(existing: string, wanted: string, where: string): void {
  if (existing !== wanted) {
    throw new ConflictError(
      `${where} already has ${TEMPLATE_BRANCH} at ${existing}, not at ${wanted}; it is left as it is`,
    );
  }
}

/** `refs/heads/paved/template` at `sha` through GitHub's git data API (Octokit). */
async function githubBranch(options: {
  integrations: ScmIntegrations;
  host: string;
  owner: string;
  repo: string;
  sha: string;
}): Promise<'created' | 'existing'> {
  const { integrations, host, owner, repo, sha } = options;
  const integration = integrations.github.byHost(host);
  if (!integration) {
    throw new InputError(`repoUrl: no integrations.github entry for ${host}`);
  }
  const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
    integrations,
  ).getCredentials({ url: `https://${host}/${owner}/${repo}` });
  const octokit = new Octokit({
    auth: token,
    baseUrl: integration.config.apiBaseUrl,
  });
  try {
    await octokit.rest.git.createRef({
      owner,
      repo,
      ref: `refs/heads/${TEMPLATE_BRANCH}`,
      sha,
    });
    return 'created';
  } catch (error) {
    // 422 "Reference already exists": an earlier attempt of this task, or someone else.
    if ((error as { status?: number }).status !== 422) throw error;
    const { data } = await octokit.rest.git.getRef({
      owner,
      repo,
      ref: `heads/${TEMPLATE_BRANCH}`,
    });
    sameCommit(data.object.sha, sha, `${host}/${owner}/${repo}`);
    return 'existing';
  }
}

/** The branch at `sha` through GitLab's REST API (v4, repository branches). */
async function gitlabBranch(options: {
  integrations: ScmIntegrations;
  host: string;
  project: string;
  sha: string;
}): Promise<'created' | 'existing'> {
  const { integrations, host, project, sha } = options;
  const integration = integrations.gitlab.byHost(host);
  if (!integration?.config.token) {
    throw new InputError(
      `repoUrl: no integrations.gitlab entry with a token for ${host}`,
    );
  }
  const branches = `${
    integration.config.apiBaseUrl
  }/projects/${encodeURIComponent(project)}/repository/branches`;
  const headers = { 'PRIVATE-TOKEN': integration.config.token };
  const created = await fetch(
    `${branches}?${new URLSearchParams({ branch: TEMPLATE_BRANCH, ref: sha })}`,
    { method: 'POST', headers },
  );
  if (created.ok) return 'created';
  // 400 "Branch already exists": check where it points.
  if (created.status !== 400) throw await ResponseError.fromResponse(created);
  const existing = await fetch(
    `${branches}/${encodeURIComponent(TEMPLATE_BRANCH)}`,
    { headers },
  );
  // No such branch either: the 400 was about something else (an unknown commit); report it.
  if (!existing.ok) throw await ResponseError.fromResponse(created);
  const branch = (await existing.json()) as { commit?: { id?: string } };
  sameCommit(branch.commit?.id ?? '', sha, `${host}/${project}`);
  return 'existing';
}

/**
 * `paved:template:branch`: starts the `paved/template` branch (the template's pristine output, the
 * base of every later upgrade's three-way merge) at the commit `publish:github` or
 * `publish:gitlab` just made, through the host's API with the `integrations` credentials. The
 * local git host does this in `paved:publish`. Idempotent: a branch already at that commit is
 * fine (a retried or recovered task); one at another commit is refused, never moved.
 */
export function createTemplateBranchAction(options: {
  integrations: ScmIntegrations;
}) {
  const { integrations } = options;
  return createTemplateAction({
    id: 'paved:template:branch',
    description: `Starts the ${TEMPLATE_BRANCH} branch (pristine template output) at the first commit of a repository published to GitHub or GitLab`,
    examples: templateBranchExamples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({
            description:
              'The repoUrl given to publish:github / publish:gitlab, e.g. github.com?owner=o&repo=r',
          }),
        commitHash: z =>
          z
            .string({
              description:
                'The commit publish:github / publish:gitlab made (its commitHash output)',
            })
            .default(''),
      },
      output: {
        branch: z => z.string({ description: TEMPLATE_BRANCH }),
        commitHash: z =>
          z.string({ description: 'The commit the branch points at' }),
      },
    },
    async handler(ctx) {
      const { repoUrl, commitHash } = ctx.input;
      // A dry run skips publish:github / publish:gitlab, so there is no commit to check.
      if (!(ctx.isDryRun && !commitHash) && !COMMIT_HASH.test(commitHash)) {
        throw new InputError(
          `commitHash: '${commitHash}' is not a full commit id (rule: commit-sha)`,
        );
      }
      const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
      const kind = integrations.byHost(host)?.type;
      if (!owner || !repo || (kind !== 'github' && kind !== 'gitlab')) {
        throw new InputError(
          `repoUrl: '${repoUrl}' is not a GitHub or GitLab repository of a configured integration (rule: github-or-gitlab)`,
        );
      }
      ctx.output('branch', TEMPLATE_BRANCH);
      ctx.output('commitHash', commitHash);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would start ${TEMPLATE_BRANCH} at ${commitHash} in ${host}/${owner}/${repo}`,
        );
        return;
      }
      const result = await ctx.checkpoint({
        key: `paved.template-branch.${host}/${owner}/${repo}`,
        fn: () =>
          kind === 'github'
            ? githubBranch({ integrations, host, owner, repo, sha: commitHash })
            : gitlabBranch({
                integrations,
                host,
                project: `${owner}/${repo}`,
                sha: commitHash,
              }),
      });
      ctx.logger.info(
        `${TEMPLATE_BRANCH} of ${host}/${owner}/${repo} at ${commitHash} (${result})`,
      );
    },
  });
}
