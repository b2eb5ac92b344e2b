import { InputError } from '@backstage/errors';
import { formatIssuePath } from '@paved/plugin-devex-common';
import { IncomingEvent } from '../database/IngestStore';
import type { StoredChange } from '../database/ChangesStore';
import { mapPullRequestDelivery } from './githubPullRequests';
import { githubPerson } from './githubPeople';
import { z } from 'zod/v3';

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
  /** The change stored for a pull request (source github), to merge review times into. */
  storedChange(id: string): Promise<StoredChange | undefined>;
  /** Workflow names that deploy to production (case-insensitive match). */
  deploymentWorkflows: RegExp;
  productionEnvironments: string[];
}

export type GithubMappingResult =
  | { kind: 'events'; events: IncomingEvent[] }
  | { kind: 'ignored'; reason: string };

/*
 * The fields of GitHub's delivery payloads that the mapping reads, with their types. A signed
 * delivery is still input: a field of the wrong type (an array where a string belongs, a label
 * that is not an object) answers 400 instead of failing deep inside the mapping. Fields GitHub
 * may send as null are nullish; unknown fields pass unchecked.
 */
const text = z.string().max(10_000).nullish();
const githubTimestamp = z
  .string()
  .datetime({ offset: true, message: 'must be an RFC 3339 timestamp' });
const githubId = z.union([z.number().int(), z.string().max(100)]);
const actor = z.object({ login: text }).nullish();

const repositorySchema = z.object({
  full_name: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name'),
  default_branch: text,
});

const deliverySchemas = {
  push: z.object({
    ref: text,
    repository: repositorySchema,
    commits: z
      .array(z.object({ id: text, timestamp: text }).nullable())
      .max(10_000)
      .nullish(),
  }),
  deployment_status: z.object({
    repository: repositorySchema,
    sender: actor,
    deployment_status: z.object({
      state: text,
      updated_at: githubTimestamp.nullish(),
      created_at: githubTimestamp.nullish(),
    }),
    deployment: z
      .object({
        id: githubId.nullish(),
        sha: text,
        environment: text,
        created_at: githubTimestamp.nullish(),
        description: text,
        creator: actor,
      })
      .nullish(),
  }),
  workflow_run: z.object({
    action: text,
    repository: repositorySchema,
    sender: actor,
    workflow_run: z
      .object({
        id: githubId.nullish(),
        name: text,
        conclusion: text,
        updated_at: githubTimestamp.nullish(),
        run_started_at: githubTimestamp.nullish(),
        created_at: githubTimestamp.nullish(),
        head_sha: text,
        head_commit: z
          .object({ timestamp: githubTimestamp.nullish() })
          .nullish(),
        triggering_actor: actor,
        actor,
      })
      .nullish(),
  }),
  issues: z.object({
    repository: repositorySchema,
    issue: z
      .object({
        number: githubId.nullish(),
        labels: z
          .array(z.object({ name: text }).nullable())
          .max(1000)
          .nullish(),
        body: z.string().max(1_000_000).nullish(),
        created_at: githubTimestamp.nullish(),
        updated_at: githubTimestamp.nullish(),
        closed_at: githubTimestamp.nullish(),
        state: text,
      })
      .nullish(),
  }),
};

type DeliveryName = keyof typeof deliverySchemas;

function parseDelivery<E extends DeliveryName>(
  eventName: E,
  payload: unknown,
): z.infer<(typeof deliverySchemas)[E]> {
  const parsed = deliverySchemas[eventName].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${eventName} delivery: ${formatIssuePath(issue.path) || 'body'} ${
        issue.message
      }`,
    );
  }
  return parsed.data as z.infer<(typeof deliverySchemas)[E]>;
}

/** A timestamp the mapping cannot do without. */
function requiredTime(
  value: string | null | undefined,
  field: string,
): { text: string; ms: number } {
  const ms = Date.parse(value ?? '');
  if (!value || !Number.isFinite(ms)) {
    throw new InputError(`${field} must be an RFC 3339 timestamp`);
  }
  return { text: value, ms };
}

const timeOrUndefined = (value: string | null | undefined) => {
  const ms = Date.parse(value ?? '');
  return Number.isFinite(ms) ? ms : undefined;
};

/** Git commit ids as stored and as DevEx events accept them. */
const COMMIT_SHA_PATTERN = /^[0-9a-fA-F]{7,64}$/;

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
  name: string | null | undefined,
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
  payload: unknown,
  context: GithubMappingContext,
): Promise<GithubMappingResult> {
  const named = payload as { repository?: unknown } | null;
  if (typeof named !== 'object' || !named?.repository) {
    return ignored('delivery names no repository');
  }

  switch (eventName) {
    case 'push': {
      const delivery = parseDelivery(eventName, payload);
      const repository = delivery.repository.full_name;
      const defaultBranch = delivery.repository.default_branch;
      if (defaultBranch && delivery.ref !== `refs/heads/${defaultBranch}`) {
        return ignored(`push to ${delivery.ref}, not the default branch`);
      }
      const commits = (delivery.commits ?? [])
        .filter(c => COMMIT_SHA_PATTERN.test(c?.id ?? ''))
        .map(c => ({
          sha: c!.id!,
          committedAt: Date.parse(c!.timestamp ?? ''),
        }))
        .filter(c => Number.isFinite(c.committedAt));
      await context.recordPushedCommits(repository, commits);
      return { kind: 'events', events: [] };
    }

    case 'deployment_status': {
      const delivery = parseDelivery(eventName, payload);
      const repository = delivery.repository.full_name;
      const state = delivery.deployment_status.state;
      const status = state ? DEPLOYMENT_STATES[state] : undefined;
      if (!status) return ignored(`deployment state ${state} is not final`);
      const deployment = delivery.deployment ?? {};
      const finishedAt = requiredTime(
        delivery.deployment_status.updated_at ??
          delivery.deployment_status.created_at,
        'deployment_status.updated_at',
      );
      const commits = await shippedCommits(
        context,
        repository,
        deployment.sha ?? '',
        undefined,
        finishedAt.ms,
      );
      return {
        kind: 'events',
        events: [
          {
            id: `deployment-${deployment.id}`,
            source: GITHUB_SOURCE,
            // GitHub's own time of this status: an older delivery never replaces a newer one.
            observedAt: finishedAt.ms,
            type: 'deployment',
            subject: await context.serviceFor(repository),
            data: {
              environment: environmentOf(deployment.environment, context),
              status,
              finishedAt: finishedAt.text,
              startedAt: deployment.created_at ?? undefined,
              commits,
              kind: /rollback/i.test(deployment.description ?? '')
                ? 'rollback'
                : 'normal',
              // Who created the deployment; the status's sender is often the deploying bot.
              ...githubPerson(
                'triggeredBy',
                deployment.creator?.login ?? delivery.sender?.login,
              ),
            },
          },
        ],
      };
    }

    case 'workflow_run': {
      const delivery = parseDelivery(eventName, payload);
      const repository = delivery.repository.full_name;
      const run = delivery.workflow_run ?? {};
      if (delivery.action !== 'completed')
        return ignored(`workflow_run ${delivery.action}`);
      if (!context.deploymentWorkflows.test(run.name ?? '')) {
        return ignored(`workflow ${run.name} does not deploy`);
      }
      if (run.conclusion !== 'success' && run.conclusion !== 'failure') {
        return ignored(`workflow conclusion ${run.conclusion}`);
      }
      if (!run.head_sha) {
        throw new InputError('workflow_run.head_sha is required');
      }
      const finishedAt = requiredTime(
        run.updated_at,
        'workflow_run.updated_at',
      );
      const commits = await shippedCommits(
        context,
        repository,
        run.head_sha,
        run.head_commit?.timestamp ?? undefined,
        finishedAt.ms,
      );
      return {
        kind: 'events',
        events: [
          {
            id: `workflow_run-${run.id}`,
            source: GITHUB_SOURCE,
            observedAt: finishedAt.ms,
            type: 'deployment',
            subject: await context.serviceFor(repository),
            data: {
              environment: 'production',
              status: run.conclusion === 'success' ? 'success' : 'failed',
              finishedAt: finishedAt.text,
              startedAt: run.run_started_at ?? run.created_at ?? undefined,
              commits,
              kind: 'normal',
              // Who triggered this run (a re-run's actor, not the original pusher).
              ...githubPerson(
                'triggeredBy',
                run.triggering_actor?.login ??
                  run.actor?.login ??
                  delivery.sender?.login,
              ),
            },
          },
        ],
      };
    }

    case 'issues': {
      const delivery = parseDelivery(eventName, payload);
      const repository = delivery.repository.full_name;
      const issue = delivery.issue ?? {};
      const labels = (issue.labels ?? []).map(l => l?.name ?? '');
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
            observedAt: timeOrUndefined(
              issue.updated_at ?? issue.closed_at ?? issue.created_at,
            ),
            type: 'incident',
            subject: await context.serviceFor(repository),
            data: {
              startedAt: issue.created_at ?? '',
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

    case 'pull_request':
    case 'pull_request_review':
      return mapPullRequestDelivery(eventName, payload, context);

    default:
      return ignored(`event ${eventName} is not used`);
  }
}
