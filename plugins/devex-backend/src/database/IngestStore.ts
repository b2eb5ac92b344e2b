import type { DevexEvent } from '@paved/plugin-devex-common';

/** A commit seen in a push to a repository's default branch. */
export interface PushedCommit {
  sha: string;
  committedAt: number;
}

/** An event to store, with the source's own time of the state it reports, when it has one. */
export type IncomingEvent = DevexEvent & {
  /** Epoch ms; a stored state with a later (or the same) time is kept (stale or replayed). */
  observedAt?: number;
};

/** Who writes a batch, and when it arrived. */
export interface IngestContext {
  /**
   * The principal: `user:<ref>`, `service:<subject>`, `webhook:github` or `plugin:devex`. Only
   * the writer of an event may replace it.
   */
  writer: string;
  receivedAt: number;
}

export interface IngestResult {
  /** Events stored (new, or replacing an earlier send of the same identity). */
  accepted: number;
  /** Events not applied because the stored state is as new or newer. */
  unchanged: number;
}

/** Storage of incoming DevEx events and of what GitHub ingest needs to remember. */
export interface IngestStore {
  /**
   * Stores a validated batch atomically. Each (source, id) replaces an earlier send by the same
   * writer; derived facts of every affected service and deployment are recomputed in the same
   * transaction. Throws ConflictError (nothing stored) if any event's identity belongs to
   * another writer.
   */
  ingest(
    events: IncomingEvent[],
    context: IngestContext,
  ): Promise<IngestResult>;
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
  /** Whether a GitHub delivery (X-GitHub-Delivery) was applied before. */
  deliverySeen(deliveryId: string): Promise<boolean>;
  /** Records a GitHub delivery as applied (after it was). */
  recordDelivery(deliveryId: string, receivedAt: number): Promise<void>;
  /** Forgets deliveries applied before `before` (GitHub redelivers within days, not months). */
  forgetDeliveries(before: number): Promise<number>;
}
