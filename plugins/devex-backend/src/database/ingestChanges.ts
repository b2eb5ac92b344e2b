import { dayOf } from './utcDays';

export type Identity = { source: string; id: string };
export type CommitRef = { service: string; sha: string };

export const key = (a: string, b: string) => `${a}\u0000${b}`;

/** A commit's first successful production deployment in its service (a lead-time fact). */
export interface LeadFact {
  service_ref: string;
  sha: string;
  deployment_source: string;
  deployment_id: string;
  deployed_at: number;
  lead_ms: number;
  bucket: number | null;
}

/**
 * The earlier of two candidate facts: earliest deployment wins, ties broken by the deployment's
 * identity so the result does not depend on arrival order.
 */
export function earlierLeadFact(
  a: LeadFact | undefined,
  b: LeadFact | undefined,
): LeadFact | undefined {
  if (!a || !b) return a ?? b;
  if (a.deployed_at !== b.deployed_at)
    return a.deployed_at < b.deployed_at ? a : b;
  return key(a.deployment_source, a.deployment_id) <=
    key(b.deployment_source, b.deployment_id)
    ? a
    : b;
}

/** A DORA deployment's share of the daily rollup (none for staging or failed pipelines). */
export interface DayContribution {
  day: number;
  source: string;
  rework: boolean;
  failed: boolean;
}

export type DayCounts = {
  day: number;
  source: string;
  deployments: number;
  rework: number;
  failed: number;
};

/**
 * What one ingested batch changes, collected while its events are stored so that the derived
 * facts are brought up to date once per batch, set-based, rather than once per event.
 */
export class IngestChanges {
  /**
   * Commits whose first production deployment may have moved away (a deployment that listed them
   * was replaced): re-derived from every candidate deployment.
   */
  readonly rederivedCommits = new Map<string, CommitRef>();
  /**
   * The earliest fact each commit gets from this batch's new successful production deployments.
   * Adding a deployment can only make a commit's first deployment earlier, so these need only be
   * compared with the stored fact.
   */
  readonly offeredLeadFacts = new Map<string, LeadFact>();
  /** Deployments whose failure and recovery must be re-derived. */
  readonly affectedDeployments = new Map<string, Identity>();
  private readonly histogram = new Map<
    string,
    { day: number; bucket: number; samples: number }
  >();
  private readonly contributions = new Map<
    string,
    { before: DayContribution | null; after: DayContribution | null }
  >();

  rederiveCommit(service: string, sha: string) {
    this.rederivedCommits.set(key(service, sha), { service, sha });
  }

  offerLeadFact(fact: LeadFact) {
    const k = key(fact.service_ref, fact.sha);
    this.offeredLeadFacts.set(
      k,
      earlierLeadFact(this.offeredLeadFacts.get(k), fact)!,
    );
  }

  touchDeployment(source: string, id: string) {
    this.affectedDeployments.set(key(source, id), { source, id });
  }

  /** Adds (+1) or removes (-1) a lead-time fact's sample in the daily histogram. */
  moveLeadSample(
    fact: { deployed_at: number; bucket: number | null },
    delta: number,
  ) {
    if (fact.bucket === null) return;
    const day = dayOf(fact.deployed_at);
    const k = `${day}:${fact.bucket}`;
    const entry = this.histogram.get(k) ?? {
      day,
      bucket: fact.bucket,
      samples: 0,
    };
    entry.samples += delta;
    this.histogram.set(k, entry);
  }

  /** Net changes of the lead-time histogram, in a stable order. */
  histogramDeltas() {
    return [...this.histogram.values()]
      .filter(d => d.samples !== 0)
      .sort((a, b) => a.day - b.day || a.bucket - b.bucket);
  }

  /**
   * A deployment's contribution to the daily rollup before and after this batch. Reported again
   * as the batch proceeds, only the first `before` is kept: it is the one stored before the batch.
   */
  recordContribution(
    deployment: Identity,
    change: { before: DayContribution | null; after: DayContribution | null },
  ) {
    const k = key(deployment.source, deployment.id);
    const known = this.contributions.get(k);
    this.contributions.set(k, {
      before: known ? known.before : change.before,
      after: change.after,
    });
  }

  /** Net changes of the daily rollup, in a stable order (so row locks are taken in one order). */
  dayDeltas(): DayCounts[] {
    const deltas = new Map<string, DayCounts>();
    const add = (c: DayContribution | null, sign: number) => {
      if (!c) return;
      const k = key(String(c.day), c.source);
      const entry = deltas.get(k) ?? {
        day: c.day,
        source: c.source,
        deployments: 0,
        rework: 0,
        failed: 0,
      };
      entry.deployments += sign;
      if (c.rework) entry.rework += sign;
      if (c.failed) entry.failed += sign;
      deltas.set(k, entry);
    };
    for (const { before, after } of this.contributions.values()) {
      add(before, -1);
      add(after, +1);
    }
    return [...deltas.values()]
      .filter(d => d.deployments !== 0 || d.rework !== 0 || d.failed !== 0)
      .sort(
        (a, b) => a.day - b.day || a.source.localeCompare(b.source, 'en-US'),
      );
  }
}
