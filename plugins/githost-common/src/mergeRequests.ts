import { z } from 'zod/v3';
import { BRANCH_NAME_PATTERN, REPOSITORY_NAME_PATTERN } from './repositories';

/** open → merged or closed; merged and closed are final. */
export const MERGE_REQUEST_STATES = ['open', 'merged', 'closed'] as const;

export type MergeRequestState = (typeof MERGE_REQUEST_STATES)[number];

const commitSha = z.string().regex(/^[0-9a-f]{40,64}$/, 'must be a commit sha');
const rfc3339 = z.string().datetime({
  offset: true,
  message: 'must be an RFC 3339 timestamp with offset',
});

/** A merge request on the local git host, as the API answers and the event carries it. */
export const mergeRequestSchema = z.object({
  /** The repository on the local git host. */
  repository: z.string().regex(REPOSITORY_NAME_PATTERN),
  /** Number of the merge request within its repository (1, 2, ...), shown as `!<id>`. */
  id: z.number().int().positive(),
  title: z.string().min(1).max(255),
  /** Markdown. */
  description: z.string(),
  sourceBranch: z.string().regex(BRANCH_NAME_PATTERN),
  targetBranch: z.string().regex(BRANCH_NAME_PATTERN),
  state: z.enum(MERGE_REQUEST_STATES),
  /**
   * Set by whoever opened it when the source branch holds a merge committed with conflict markers
   * (a golden-path upgrade that needs attention). Such a merge request merges only after the
   * branch received a new commit and no conflict markers are left.
   */
  conflicted: z.boolean(),
  /** Who opened it: a user entity ref, or `plugin:<id>` for a backend plugin. */
  author: z.string().min(1),
  /** Head of the source branch when it was opened. */
  sourceCommit: commitSha,
  /** The merge commit on the target branch, once merged. */
  mergeCommit: commitSha.optional(),
  /** Who merged or closed it. */
  mergedBy: z.string().optional(),
  closedBy: z.string().optional(),
  createdAt: rfc3339,
  updatedAt: rfc3339,
  /** Its page in the portal. */
  url: z.string().url(),
});

export type MergeRequest = z.infer<typeof mergeRequestSchema>;
