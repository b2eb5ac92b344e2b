import { Knex } from 'knex';
import {
  PgType,
  addCounts,
  bulkInsert,
  bulkUpdate,
  chunks,
  Dialect,
} from './bulkWrites';
import { leadTimeBucket } from './leadTimeBuckets';
import {
  CommitRef,
  IngestChanges,
  LeadFact,
  earlierLeadFact,
  key,
} from './ingestChanges';
import { num, numOrNull } from './rows';

export const COMMIT_COLUMNS: Record<keyof CommitRow, PgType> = {
  source: 'text',
  deployment_id: 'text',
  sha: 'text',
  service_ref: 'text',
  committed_at: 'bigint',
  first_production: 'boolean',
  deployed_at: 'bigint',
  lead_ms: 'bigint',
  bucket: 'integer',
};

/** A commit row's identity: the deployment that listed it and its sha. */
export interface CommitIdentity {
  source: string;
  deployment_id: string;
  sha: string;
}

/** Whether a commit row is its commit's lead-time fact, and the fact's values. */
export interface LeadFactMark {
  first_production: boolean;
  deployed_at: number | null;
  lead_ms: number | null;
  bucket: number | null;
}

export interface CommitRow extends CommitIdentity, LeadFactMark {
  service_ref: string;
  committed_at: number;
}

export const commitRowKey = (row: CommitIdentity) =>
  key(key(row.source, row.deployment_id), row.sha);

/** The commit row that holds a lead-time fact. */
const factRow = (fact: LeadFact): CommitIdentity => ({
  source: fact.deployment_source,
  deployment_id: fact.deployment_id,
  sha: fact.sha,
});

const sameDeployment = (a: LeadFact, b: LeadFact) =>
  a.deployment_source === b.deployment_source &&
  a.deployment_id === b.deployment_id;

/**
 * Lead-time facts at ingest: which deployment first shipped each commit to production, kept on
 * the commit rows (`first_production`) with the organisation-wide histogram beside them.
 */
export class LeadTimeFacts {
  constructor(
    private readonly tx: Knex.Transaction,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Stores the batch's commit rows and brings each affected commit's lead-time fact (the row of
   * its first successful production deployment, `first_production`) up to date, moving the
   * histogram counts of changed samples. Commits only offered by new deployments are compared
   * with their stored fact; commits a replaced deployment listed are re-derived from every
   * candidate deployment.
   */
  async storeCommitsAndLeadTimes(
    changes: IngestChanges,
    newCommits: Map<string, CommitRow>,
  ) {
    const affected = new Map(changes.rederivedCommits);
    for (const [k, fact] of changes.offeredLeadFacts) {
      if (!affected.has(k))
        affected.set(k, { service: fact.service_ref, sha: fact.sha });
    }
    const updates: Array<CommitIdentity & LeadFactMark> = [];
    const setFact = (row: CommitIdentity, fact: LeadFact | undefined) => {
      const mark = {
        first_production: Boolean(fact),
        deployed_at: fact?.deployed_at ?? null,
        lead_ms: fact?.lead_ms ?? null,
        bucket: fact?.bucket ?? null,
      };
      const pending = newCommits.get(commitRowKey(row));
      if (pending) Object.assign(pending, mark);
      else updates.push({ ...row, ...mark });
    };

    for (const batch of chunks(
      [...affected.values()],
      this.dialect.pairChunk,
    )) {
      const stored = await this.storedLeadFacts(batch);
      const rederive = batch.filter(c =>
        changes.rederivedCommits.has(key(c.service, c.sha)),
      );
      const rederived =
        rederive.length > 0
          ? await this.firstProductionDeploymentsOf(rederive)
          : new Map<string, LeadFact>();

      for (const c of batch) {
        const k = key(c.service, c.sha);
        const before = stored.get(k);
        const offered = changes.offeredLeadFacts.get(k);
        const after = changes.rederivedCommits.has(k)
          ? earlierLeadFact(rederived.get(k), offered)
          : earlierLeadFact(before, offered);
        if (before && after && sameDeployment(before, after)) continue;
        if (before) {
          changes.moveLeadSample(before, -1);
          setFact(factRow(before), undefined);
        }
        if (after) {
          changes.moveLeadSample(after, +1);
          setFact(factRow(after), after);
        }
      }
    }

    await bulkInsert(
      this.tx,
      this.dialect.isPg,
      'devex_deployment_commits',
      COMMIT_COLUMNS,
      [...newCommits.values()] as unknown as Array<Record<string, unknown>>,
    );
    await this.updateLeadFacts(updates);
    await addCounts(
      this.tx,
      'devex_lead_time_histogram',
      ['day', 'bucket'],
      changes.histogramDeltas(),
    );
  }

  /** Marks or unmarks stored commit rows as their commit's lead-time fact. */
  private async updateLeadFacts(rows: Array<CommitIdentity & LeadFactMark>) {
    await bulkUpdate(
      this.tx,
      this.dialect.isPg,
      'devex_deployment_commits',
      { source: 'text', deployment_id: 'text', sha: 'text' },
      {
        first_production: 'boolean',
        deployed_at: 'bigint',
        lead_ms: 'bigint',
        bucket: 'integer',
      },
      rows,
    );
  }

  private async storedLeadFacts(
    commits: CommitRef[],
  ): Promise<Map<string, LeadFact>> {
    const rows = await this.dialect.pairs(
      this.tx('devex_deployment_commits')
        .where('first_production', true)
        .select(
          'service_ref',
          'sha',
          'source',
          'deployment_id',
          'deployed_at',
          'lead_ms',
          'bucket',
        ),
      ['service_ref', 'sha'],
      commits.map(c => [c.service, c.sha]),
    );
    const facts = new Map<string, LeadFact>();
    for (const row of rows) {
      facts.set(key(row.service_ref, row.sha), {
        service_ref: row.service_ref,
        sha: row.sha,
        deployment_source: row.source,
        deployment_id: row.deployment_id,
        deployed_at: num(row.deployed_at),
        lead_ms: num(row.lead_ms),
        bucket: numOrNull(row.bucket),
      });
    }
    return facts;
  }

  /** Each commit's earliest successful production deployment among the stored ones. */
  private async firstProductionDeploymentsOf(
    commits: CommitRef[],
  ): Promise<Map<string, LeadFact>> {
    const candidates = await this.dialect
      .pairs(
        this.tx('devex_deployment_commits as c')
          .join('devex_deployments as d', function joinDeployment() {
            this.on('d.source', '=', 'c.source').andOn(
              'd.event_id',
              '=',
              'c.deployment_id',
            );
          })
          .where('d.counted', true),
        ['c.service_ref', 'c.sha'],
        commits.map(c => [c.service, c.sha]),
      )
      .select(
        'c.service_ref',
        'c.sha',
        'c.committed_at',
        'd.finished_at',
        'd.source',
        'd.event_id',
      );
    const first = new Map<string, LeadFact>();
    for (const row of candidates) {
      const finishedAt = num(row.finished_at);
      const leadMs = finishedAt - num(row.committed_at);
      const k = key(row.service_ref, row.sha);
      first.set(
        k,
        earlierLeadFact(first.get(k), {
          service_ref: row.service_ref,
          sha: row.sha,
          deployment_source: row.source,
          deployment_id: row.event_id,
          deployed_at: finishedAt,
          lead_ms: leadMs,
          bucket: leadTimeBucket(leadMs),
        })!,
      );
    }
    return first;
  }
}
