import type { MergeRequestState } from '@paved/plugin-githost-common';

/** A merge request as stored. */
export interface MergeRequestRecord {
  repository: string;
  id: number;
  sourceBranch: string;
  targetBranch: string;
  title: string;
  description: string;
  author: string;
  state: MergeRequestState;
  conflicted: boolean;
  sourceCommit: string;
  mergeCommit?: string;
  mergedBy?: string;
  closedBy?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What opening a merge request records. */
export type NewMergeRequestRecord = Pick<
  MergeRequestRecord,
  | 'repository'
  | 'sourceBranch'
  | 'targetBranch'
  | 'title'
  | 'description'
  | 'author'
  | 'conflicted'
  | 'sourceCommit'
>;

/** Storage of merge requests; every write is safe to repeat. */
export interface MergeRequestStore {
  /**
   * Opens a merge request with the next number of its repository, or returns the open one from
   * the same source branch (`created: false`), also when two open at the same moment.
   */
  open(
    input: NewMergeRequestRecord,
  ): Promise<{ mergeRequest: MergeRequestRecord; created: boolean }>;

  get(repository: string, id: number): Promise<MergeRequestRecord | undefined>;

  /** Newest first. */
  list(
    repository: string,
    options?: { state?: MergeRequestState },
  ): Promise<MergeRequestRecord[]>;

  /**
   * Moves an open merge request to `merged` or `closed`; returns undefined when it was not open
   * any more (someone else finished it first).
   */
  finish(
    repository: string,
    id: number,
    outcome:
      | { state: 'merged'; mergeCommit: string; by: string }
      | { state: 'closed'; by: string },
  ): Promise<MergeRequestRecord | undefined>;
}
