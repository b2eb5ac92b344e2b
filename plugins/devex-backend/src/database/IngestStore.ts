import type { DevexEvent } from '@paved/plugin-devex-common';

/** A commit seen in a push to a repository's default branch. */
export interface PushedCommit {
  sha: string;
  committedAt: number;
}

/** Storage of incoming DevEx events and of what GitHub ingest needs to remember. */
export interface IngestStore {
  /**
   * Stores a validated batch atomically. Each (source, id) replaces an earlier send; derived facts
   * of every affected service and deployment are recomputed in the same transaction.
   */
  ingest(
    events: DevexEvent[],
    receivedAt: number,
  ): Promise<{ accepted: number }>;
  /** Remembers commits pushed to a repository's default branch. */
  recordPushedCommits(
    repository: string,
    commits: PushedCommit[],
  ): Promise<void>;
  /** The latest commits pushed to a repository up to `until` (newest first). */
  pushedCommits(
    repository: string,
    until: number,
    limit: number,
  ): Promise<PushedCommit[]>;
}
