import { InputError } from '@backstage/errors';
import {
  ChangeEvent,
  ChangeEventData,
  formatIssuePath,
} from '@paved/plugin-devex-common';
import { githubPerson } from './githubPeople';
import { z } from 'zod/v3';
import type { StoredChange } from '../database/ChangesStore';
import type { IncomingEvent } from '../database/IngestStore';

/** What mapping pull request deliveries needs besides the delivery. */
export interface PullRequestContext {
  /** Entity ref of the component for `owner/repo`. */
  serviceFor(repository: string): Promise<string>;
  /** The change stored for a pull request (source github), to merge review times into. */
  storedChange(id: string): Promise<StoredChange | undefined>;
}

const text = z.string().max(10_000).nullish();
const timestamp = z
  .string()
  .datetime({ offset: true, message: 'must be an RFC 3339 timestamp' });
const githubId = z.union([z.number().int(), z.string().max(100)]);
const lines = z.number().int().min(0).max(100_000_000).nullish();
const user = z.object({ id: githubId.nullish(), login: text }).nullish();

const repositorySchema = z.object({
  full_name: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name'),
});

const pullRequestSchema = z.object({
  number: githubId,
  created_at: timestamp,
  updated_at: timestamp.nullish(),
  closed_at: timestamp.nullish(),
  merged_at: timestamp.nullish(),
  merge_commit_sha: z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/, 'must be a commit sha')
    .nullish(),
  additions: lines,
  deletions: lines,
  user,
});

const schemas = {
  pull_request: z.object({
    action: text,
    repository: repositorySchema,
    pull_request: pullRequestSchema,
  }),
  pull_request_review: z.object({
    action: text,
    repository: repositorySchema,
    pull_request: pullRequestSchema,
    review: z.object({
      state: text,
      submitted_at: timestamp.nullish(),
      user,
    }),
  }),
};

type PullRequest = z.infer<typeof pullRequestSchema>;

function parse<E extends keyof typeof schemas>(
  eventName: E,
  payload: unknown,
): z.infer<(typeof schemas)[E]> {
  const parsed = schemas[eventName].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${eventName} delivery: ${formatIssuePath(issue.path) || 'body'} ${
        issue.message
      }`,
    );
  }
  return parsed.data as z.infer<(typeof schemas)[E]>;
}

/** The change id of a pull request: stable across its deliveries. */
export const pullRequestChangeId = (repository: string, number: string) =>
  `pr-${repository.toLocaleLowerCase('en-US')}-${number}`;

/** What the pull request itself says (the review times come from review deliveries). */
function pullRequestData(pr: PullRequest): ChangeEventData {
  const merged = Boolean(pr.merged_at);
  return {
    openedAt: pr.created_at,
    ...(merged ? { mergedAt: pr.merged_at! } : {}),
    ...(merged && pr.merge_commit_sha
      ? { mergeCommit: pr.merge_commit_sha }
      : {}),
    ...(!merged && pr.closed_at ? { closedAt: pr.closed_at } : {}),
    ...(typeof pr.additions === 'number' ? { additions: pr.additions } : {}),
    ...(typeof pr.deletions === 'number' ? { deletions: pr.deletions } : {}),
    ...githubPerson('author', pr.user?.login),
  };
}

const REVIEW_FIELDS = ['firstCommitAt', 'firstReviewAt', 'approvedAt'] as const;

const reviewTimes = (data: ChangeEventData | undefined) =>
  Object.fromEntries(
    REVIEW_FIELDS.filter(f => data?.[f] !== undefined).map(f => [f, data![f]]),
  ) as Partial<ChangeEventData>;

const earlier = (a: string | undefined, b: string) =>
  a !== undefined && Date.parse(a) <= Date.parse(b) ? a : b;

const isAuthor = (
  reviewer: { id?: unknown; login?: string | null } | null | undefined,
  pr: PullRequest,
) =>
  Boolean(
    reviewer &&
      pr.user &&
      ((reviewer.id !== undefined &&
        reviewer.id !== null &&
        reviewer.id === pr.user.id) ||
        (reviewer.login && reviewer.login === pr.user.login)),
  );

export type PullRequestMapping =
  | { kind: 'events'; events: IncomingEvent[] }
  | { kind: 'ignored'; reason: string };

/**
 * Maps `pull_request` and `pull_request_review` deliveries to one change per pull request.
 *
 * A pull request delivery carries the pull request's state as of its `updated_at`, which becomes
 * the change's source time: an older delivery arriving late never replaces a newer state. Review
 * times are not in it; they come from review deliveries and are kept from the stored change. A
 * review delivery only moves the first review (and first approval) earlier, so it applies
 * whenever it arrives; its pull request fields are used only when newer than the stored ones.
 * Reviews by the author are not reviews.
 */
export async function mapPullRequestDelivery(
  eventName: 'pull_request' | 'pull_request_review',
  payload: unknown,
  context: PullRequestContext,
): Promise<PullRequestMapping> {
  const delivery: {
    action?: string | null;
    repository: { full_name: string };
    pull_request: PullRequest;
    review?: z.infer<(typeof schemas)['pull_request_review']>['review'];
  } =
    eventName === 'pull_request'
      ? parse('pull_request', payload)
      : parse('pull_request_review', payload);
  const repository = delivery.repository.full_name;
  const pr = delivery.pull_request;
  const id = pullRequestChangeId(repository, String(pr.number));
  const updatedAt = Date.parse(pr.updated_at ?? pr.created_at);
  const stored = await context.storedChange(id);
  const event = (data: ChangeEventData, observedAt: number | undefined) => ({
    kind: 'events' as const,
    events: [
      {
        id,
        source: 'github',
        type: 'change' as const,
        subject: '',
        data,
        ...(observedAt === undefined ? {} : { observedAt }),
      } satisfies ChangeEvent & { observedAt?: number },
    ],
  });
  const withSubject = async (mapping: ReturnType<typeof event>) => {
    const subject = await context.serviceFor(repository);
    return {
      kind: 'events' as const,
      events: mapping.events.map(e => ({ ...e, subject })),
    };
  };

  if (!delivery.review) {
    return withSubject(
      event(
        { ...pullRequestData(pr), ...reviewTimes(stored?.data) },
        updatedAt,
      ),
    );
  }

  const review = delivery.review;
  if (delivery.action !== 'submitted') {
    return { kind: 'ignored', reason: `review ${delivery.action}` };
  }
  if (isAuthor(review.user, pr)) {
    return { kind: 'ignored', reason: 'a review by the author' };
  }
  if (!review.submitted_at) {
    throw new InputError(
      'pull_request_review delivery: review.submitted_at is required',
    );
  }
  const storedIsNewer =
    stored !== undefined &&
    stored.observedAt !== null &&
    stored.observedAt >= updatedAt;
  const base = storedIsNewer ? stored.data : pullRequestData(pr);
  const times = reviewTimes(stored?.data);
  times.firstReviewAt = earlier(times.firstReviewAt, review.submitted_at);
  if ((review.state ?? '').toLocaleLowerCase('en-US') === 'approved') {
    times.approvedAt = earlier(times.approvedAt, review.submitted_at);
  }
  // Without a source time the stored one is kept; with the delivery's, newer fields replace it.
  return withSubject(
    event({ ...base, ...times }, storedIsNewer ? undefined : updatedAt),
  );
}
