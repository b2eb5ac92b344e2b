import { Knex } from 'knex';
import {
  ChangeEvent,
  DEMO_SOURCE,
  normalisePerson,
} from '@paved/plugin-devex-common';
import { PgType, bulkInsert, chunks, Dialect } from './bulkWrites';
import { CommitRef, IngestChanges } from './ingestChanges';

const CHANGE_COLUMNS: Record<string, PgType> = {
  source: 'text',
  event_id: 'text',
  service_ref: 'text',
  opened_at: 'bigint',
  first_commit_at: 'bigint',
  first_review_at: 'bigint',
  approved_at: 'bigint',
  merged_at: 'bigint',
  closed_at: 'bigint',
  merge_commit: 'text',
  additions: 'integer',
  deletions: 'integer',
  deployed_at: 'bigint',
  demo: 'boolean',
  received_at: 'bigint',
  writer: 'text',
  observed_at: 'bigint',
  author: 'text',
};

const msOrNull = (value: string | undefined) =>
  value === undefined ? null : Date.parse(value);

/** How a batch's changes are written: who, when, and the source time of each. */
export interface ChangeWrite {
  writer: string;
  receivedAt: number;
  /**
   * The source time of the state an event reports, or `null`. An event without one (a GitHub
   * review, which only adds a review time) keeps the stored state's time.
   */
  observedAt(change: ChangeEvent): number | null;
}

/**
 * Stores changes (each replaces an earlier send of its identity) and then derives when each merge
 * commit first reached production: {@link refreshChangeDeployments}.
 */
export async function storeChanges(
  tx: Knex.Transaction,
  dialect: Dialect,
  changes: ChangeEvent[],
  write: ChangeWrite,
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map(c => ({
    source: c.source,
    event_id: c.id,
    service_ref: c.subject.toLocaleLowerCase('en-US'),
    opened_at: Date.parse(c.data.openedAt),
    first_commit_at: msOrNull(c.data.firstCommitAt),
    first_review_at: msOrNull(c.data.firstReviewAt),
    approved_at: msOrNull(c.data.approvedAt),
    merged_at: msOrNull(c.data.mergedAt),
    closed_at: c.data.mergedAt ? null : msOrNull(c.data.closedAt),
    merge_commit: c.data.mergeCommit?.toLowerCase() ?? null,
    additions: c.data.additions ?? null,
    deletions: c.data.deletions ?? null,
    // Derived below from the deployments stored so far.
    deployed_at: null,
    demo: c.source === DEMO_SOURCE,
    received_at: write.receivedAt,
    writer: write.writer,
    observed_at: write.observedAt(c),
    author: c.data.author ? normalisePerson(c.data.author) : null,
  }));
  await bulkInsert(tx, dialect.isPg, 'devex_changes', CHANGE_COLUMNS, rows, {
    target: ['source', 'event_id'],
    merge: Object.keys(CHANGE_COLUMNS).filter(
      c => !['source', 'event_id'].includes(c),
    ),
  });
  await refreshChangeDeployments(
    tx,
    dialect,
    rows
      .filter(r => r.merge_commit !== null)
      .map(r => ({ service: r.service_ref, sha: r.merge_commit! })),
  );
}

/**
 * The commits whose first successful production deployment a batch of deployments may have
 * moved (new deployments offering an earlier one, replaced deployments no longer listing them).
 */
export function commitsWithMovedDeployments(
  changes: IngestChanges,
): CommitRef[] {
  const commits = new Map<string, CommitRef>(changes.rederivedCommits);
  for (const [k, fact] of changes.offeredLeadFacts) {
    commits.set(k, { service: fact.service_ref, sha: fact.sha });
  }
  return [...commits.values()];
}

/**
 * Sets `deployed_at` of the changes merged as one of `commits` to their commit's lead-time fact:
 * the first successful production deployment of the change's service that lists the merge
 * commit (kept on `devex_deployment_commits` by LeadTimeFacts), or null while there is none.
 * Runs after the lead-time facts of the batch are up to date.
 */
export async function refreshChangeDeployments(
  tx: Knex.Transaction,
  dialect: Dialect,
  commits: CommitRef[],
): Promise<void> {
  for (const batch of chunks(commits, dialect.pairChunk)) {
    await dialect
      .pairs(
        tx('devex_changes'),
        ['service_ref', 'merge_commit'],
        batch.map(c => [c.service, c.sha]),
      )
      .update({
        deployed_at: tx.raw(
          `(SELECT min(d.deployed_at) FROM devex_deployment_commits d
             WHERE d.service_ref = devex_changes.service_ref
               AND d.sha = devex_changes.merge_commit
               AND d.first_production)`,
        ),
      });
  }
}
