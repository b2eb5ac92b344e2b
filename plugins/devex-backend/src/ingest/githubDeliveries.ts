import { DevexEvent } from '@paved/plugin-devex-common';

export const GITHUB_SOURCE = 'github';

/** What mapping a delivery needs from the rest of the plugin. */
export interface GithubMappingContext {
  /** Entity ref of the component for `owner/repo`. */
  serviceFor(repository: string): Promise<string>;
  /** Commits pushed to the repository up to a moment, newest first. */
  pushedCommits(
    repository: string,
    until: number,
  ): Promise<Array<{ sha: string; committedAt: number }>>;
  recordPushedCommits(
    repository: string,
    commits: Array<{ sha: string; committedAt: number }>,
  ): Promise<void>;
  /** Workflow names that deploy to production (case-insensitive match). */
  deploymentWorkflows: RegExp;
  productionEnvironments: string[];
}

export type GithubMappingResult =
  | { kind: 'events'; events: DevexEvent[] }
  | { kind: 'ignored'; reason: string };

type Json = Record<string, any>;

/** Final GitHub deployment states; `pending`, `queued`, `in_progress` are not outcomes yet. */
const DEPLOYMENT_STATES: Record<string, 'success' | 'failed' | undefined> = {
  success: 'success',
  failure: 'failed',
  error: 'failed',
};

const ignored = (reason: string): GithubMappingResult => ({
  kind: 'ignored',
  reason,
});

/**
 * The commits a deployment of `headSha` ships: the head plus the commits pushed to the
 * repository before the deployment finished (a head whose commit time is unknown gives no lead
 * time and is left out). Listing commits an earlier deployment already
 * shipped is harmless: a commit's lead time counts only at its first production deployment.
 */
async function shippedCommits(
  context: GithubMappingContext,
  repository: string,
  headSha: string,
  headCommittedAt: string | undefined,
  finishedAt: number,
) {
  const pushed = await context.pushedCommits(repository, finishedAt);
  const commits = new Map<string, string>();
  if (headCommittedAt) commits.set(headSha.toLowerCase(), headCommittedAt);
  for (const c of pushed) {
    if (!commits.has(c.sha))
      commits.set(c.sha, new Date(c.committedAt).toISOString());
  }
  return [...commits.entries()].map(([sha, committedAt]) => ({
    sha,
    committedAt,
  }));
}

function environmentOf(
  name: string | undefined,
  context: GithubMappingContext,
) {
  const env = (name ?? '').toLocaleLowerCase('en-US');
  return context.productionEnvironments.includes(env)
    ? 'production'
    : env || 'unknown';
}

/** Maps one GitHub delivery (by its `X-GitHub-Event` name) to DevEx events. */
export async function mapGithubDelivery(
  eventName: string,
  payload: Json,
  context: GithubMappingContext,
): Promise<GithubMappingResult> {
  const repository: string | undefined = payload?.repository?.full_name;
  if (!repository) return ignored('delivery names no repository');

  switch (eventName) {
    case 'push': {
      const defaultBranch = payload.repository.default_branch;
      if (defaultBranch && payload.ref !== `refs/heads/${defaultBranch}`) {
        return ignored(`push to ${payload.ref}, not the default branch`);
      }
      const commits = (Array.isArray(payload.commits) ? payload.commits : [])
        .filter(
          (c: Json) =>
            typeof c?.id === 'string' && typeof c?.timestamp === 'string',
        )
        .map((c: Json) => ({
          sha: c.id as string,
          committedAt: Date.parse(c.timestamp),
        }))
        .filter((c: { committedAt: number }) => Number.isFinite(c.committedAt));
      await context.recordPushedCommits(repository, commits);
      return { kind: 'events', events: [] };
    }

    case 'deployment_status': {
      const state = payload.deployment_status?.state;
      const status = DEPLOYMENT_STATES[state as string];
      if (!status) return ignored(`deployment state ${state} is not final`);
      const deployment = payload.deployment ?? {};
      const finishedAt: string =
        payload.deployment_status.updated_at ??
        payload.deployment_status.created_at;
      const headSha: string = deployment.sha;
      const commits = await shippedCommits(
        context,
        repository,
        headSha,
        undefined,
        Date.parse(finishedAt),
      );
      return {
        kind: 'events',
        events: [
          {
            id: `deployment-${deployment.id}`,
            source: GITHUB_SOURCE,
            type: 'deployment',
            subject: await context.serviceFor(repository),
            data: {
              environment: environmentOf(deployment.environment, context),
              status,
              finishedAt,
              startedAt: deployment.created_at,
              commits,
              kind: /rollback/i.test(deployment.description ?? '')
                ? 'rollback'
                : 'normal',
            },
          },
        ],
      };
    }

    case 'workflow_run': {
      const run = payload.workflow_run ?? {};
      if (payload.action !== 'completed')
        return ignored(`workflow_run ${payload.action}`);
      if (!context.deploymentWorkflows.test(run.name ?? '')) {
        return ignored(`workflow ${run.name} does not deploy`);
      }
      if (run.conclusion !== 'success' && run.conclusion !== 'failure') {
        return ignored(`workflow conclusion ${run.conclusion}`);
      }
      const finishedAt: string = run.updated_at;
      const commits = await shippedCommits(
        context,
        repository,
        run.head_sha,
        run.head_commit?.timestamp,
        Date.parse(finishedAt),
      );
      return {
        kind: 'events',
        events: [
          {
            id: `workflow_run-${run.id}`,
            source: GITHUB_SOURCE,
            type: 'deployment',
            subject: await context.serviceFor(repository),
            data: {
              environment: 'production',
              status: run.conclusion === 'success' ? 'success' : 'failed',
              finishedAt,
              startedAt: run.run_started_at ?? run.created_at,
              commits,
              kind: 'normal',
            },
          },
        ],
      };
    }

    case 'issues': {
      const issue = payload.issue ?? {};
      const labels: string[] = (issue.labels ?? []).map((l: Json) =>
        String(l?.name ?? ''),
      );
      if (!labels.some(l => l.toLocaleLowerCase('en-US') === 'incident')) {
        return ignored('issue is not labelled incident');
      }
      const severity = labels
        .find(l => /^severity[:/]/i.test(l))
        ?.replace(/^severity[:/]\s*/i, '');
      // "Deployment: <id>" in the issue body links the incident to the deployment that caused it.
      const link = /deployment:\s*(deployment-\d+|workflow_run-\d+)/i.exec(
        issue.body ?? '',
      );
      return {
        kind: 'events',
        events: [
          {
            id: `issue-${repository.toLocaleLowerCase('en-US')}-${
              issue.number
            }`,
            source: GITHUB_SOURCE,
            type: 'incident',
            subject: await context.serviceFor(repository),
            data: {
              startedAt: issue.created_at,
              resolvedAt:
                issue.state === 'closed' && issue.closed_at
                  ? issue.closed_at
                  : undefined,
              deploymentId: link ? link[1] : undefined,
              severity: severity || undefined,
            },
          },
        ],
      };
    }

    default:
      return ignored(`event ${eventName} is not used`);
  }
}
