import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  DEMO_SOURCE,
  DeploymentEvent,
  DeploymentSummary,
  DevexEvent,
  IncidentEvent,
  IncidentSummary,
  PRODUCTION_ENVIRONMENT,
  SurveyEvent,
  quantileOfSorted,
} from '@paved/plugin-devex-common';
import {
  DevexStore,
  DoraAggregates,
  ServiceScope,
  SurveyResponseRecord,
  TimeWindow,
} from './DevexStore';
import { leadTimeBucket } from './leadTimeBuckets';
import { dayOf, splitByUtcDays } from './utcDays';
import {
  CommitRef,
  DayContribution,
  IngestChanges,
  LeadFact,
  earlierLeadFact,
  key,
} from './ingestChanges';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-devex-backend',
  'migrations',
);

// Keeps every statement within SQLite's limits: bound parameters, and 500 rows per
// multi-row insert (knex writes those as a compound SELECT).
const CHUNK = 500;
// Any constant works; it only has to be the same for every replica.
const INGEST_LOCK_KEY = 4_242_017;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

const num = (v: unknown): number =>
  v === null || v === undefined ? NaN : Number(v);
const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);
const bool = (v: unknown): boolean =>
  v === true || v === 1 || v === '1' || v === 't';
const iso = (ms: number) => new Date(ms).toISOString();

const DEPLOYMENT_COLUMNS: Record<string, PgType> = {
  source: 'text',
  event_id: 'text',
  service_ref: 'text',
  environment: 'text',
  status: 'text',
  finished_at: 'bigint',
  started_at: 'bigint',
  kind: 'text',
  remediates: 'text',
  commit_count: 'integer',
  counted: 'boolean',
  rework: 'boolean',
  failed: 'boolean',
  recovered_at: 'bigint',
  demo: 'boolean',
  received_at: 'bigint',
};
const COMMIT_COLUMNS: Record<keyof CommitRow, PgType> = {
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
interface CommitIdentity {
  source: string;
  deployment_id: string;
  sha: string;
}

/** Whether a commit row is its commit's lead-time fact, and the fact's values. */
interface LeadFactMark {
  first_production: boolean;
  deployed_at: number | null;
  lead_ms: number | null;
  bucket: number | null;
}

interface CommitRow extends CommitIdentity, LeadFactMark {
  service_ref: string;
  committed_at: number;
}

const commitRowKey = (row: CommitIdentity) =>
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

const INCIDENT_COLUMNS: Record<string, PgType> = {
  source: 'text',
  event_id: 'text',
  service_ref: 'text',
  started_at: 'bigint',
  resolved_at: 'bigint',
  deployment_id: 'text',
  severity: 'text',
  demo: 'boolean',
  received_at: 'bigint',
};

interface FailureChange {
  source: string;
  id: string;
  failed: boolean;
  recoveredAt: number | null;
}

/** A stored deployment row's share of the daily rollup. */
function dayContribution(row: Record<string, unknown>): DayContribution | null {
  if (!bool(row.counted)) return null;
  return {
    day: dayOf(num(row.finished_at)),
    source: String(row.source),
    rework: bool(row.rework),
    failed: bool(row.failed),
  };
}

/**
 * Restricts `query` to rows whose (a, b) is one of `pairs`. PostgreSQL plans a long
 * `(a, b) IN ((..), (..))` list as a filter over every row, so there the pairs travel as two
 * arrays and are joined through `unnest`, which uses the index; SQLite handles row values well.
 */
function wherePairs(
  query: Knex.QueryBuilder,
  isPg: boolean,
  columns: [string, string],
  pairs: string[][],
): Knex.QueryBuilder {
  if (!isPg) return query.whereIn(columns, pairs);
  return query.whereRaw(
    '(??, ??) IN (SELECT * FROM unnest(?::text[], ?::text[]))',
    [columns[0], columns[1], pairs.map(p => p[0]), pairs.map(p => p[1])],
  );
}

type PgType = 'text' | 'bigint' | 'integer' | 'boolean';

/**
 * Inserts many rows in one statement per chunk. On PostgreSQL the rows travel as one array per
 * column through `unnest` (a handful of bind parameters instead of one per value, several times
 * faster for thousands of rows); SQLite uses a plain multi-row insert.
 */
async function bulkInsert(
  tx: Knex.Transaction,
  isPg: boolean,
  table: string,
  columns: Record<string, PgType>,
  rows: Array<Record<string, unknown>>,
  conflict?: { target: string[]; merge: string[] | 'ignore' },
) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  if (!isPg) {
    // SQLite also caps a multi-row insert (a compound SELECT) at 500 rows.
    for (const batch of chunks(
      rows,
      Math.min(CHUNK, Math.floor(30000 / names.length)),
    )) {
      const insert = tx(table).insert(batch);
      if (!conflict) await insert;
      else if (conflict.merge === 'ignore')
        await insert.onConflict(conflict.target).ignore();
      else await insert.onConflict(conflict.target).merge(conflict.merge);
    }
    return;
  }
  let onConflict = '';
  if (conflict) {
    const target = conflict.target.map(() => '??').join(', ');
    onConflict =
      conflict.merge === 'ignore'
        ? ` ON CONFLICT (${target}) DO NOTHING`
        : ` ON CONFLICT (${target}) DO UPDATE SET ${conflict.merge
            .map(() => '?? = EXCLUDED.??')
            .join(', ')}`;
  }
  const sql = `INSERT INTO ?? (${names
    .map(() => '??')
    .join(', ')}) SELECT * FROM unnest(${names
    .map(n => `?::${columns[n]}[]`)
    .join(', ')})${onConflict}`;
  for (const batch of chunks(rows, 10000)) {
    const bindings: unknown[] = [table, ...names];
    for (const n of names) bindings.push(batch.map(r => r[n] ?? null));
    if (conflict) {
      bindings.push(...conflict.target);
      if (conflict.merge !== 'ignore')
        for (const m of conflict.merge) bindings.push(m, m);
    }
    await tx.raw(sql, bindings as Knex.RawBinding[]);
  }
}

/**
 * Updates many rows, found by their `keyColumns`, in one statement per chunk. On PostgreSQL the
 * rows travel as arrays through `unnest`, as in {@link bulkInsert}; SQLite updates row by row
 * (inside the caller's transaction, so no round trips leave the process).
 */
async function bulkUpdate<Row extends object>(
  tx: Knex.Transaction,
  isPg: boolean,
  table: string,
  keyColumns: Record<string, PgType>,
  set: Record<string, PgType>,
  rows: Row[],
) {
  if (rows.length === 0) return;
  const keys = Object.keys(keyColumns);
  const sets = Object.keys(set);
  const value = (row: Row, column: string) =>
    (row as Record<string, unknown>)[column] ?? null;
  const pick = (row: Row, names: string[]) =>
    Object.fromEntries(names.map(n => [n, value(row, n)]));
  if (!isPg) {
    for (const row of rows) {
      await tx(table).where(pick(row, keys)).update(pick(row, sets));
    }
    return;
  }
  const types = { ...keyColumns, ...set };
  const columns = [...keys, ...sets];
  const sql = `UPDATE ?? AS t SET ${sets.map(() => '?? = v.??').join(', ')}
      FROM unnest(${columns.map(c => `?::${types[c]}[]`).join(', ')})
        AS v(${columns.map(() => '??').join(', ')})
     WHERE ${keys.map(() => 't.?? = v.??').join(' AND ')}`;
  for (const batch of chunks(rows, 10000)) {
    const bindings: unknown[] = [table, ...sets.flatMap(c => [c, c])];
    for (const c of columns) bindings.push(batch.map(r => value(r, c)));
    bindings.push(...columns, ...keys.flatMap(c => [c, c]));
    await tx.raw(sql, bindings as Knex.RawBinding[]);
  }
}

/**
 * Adds signed deltas to counter rows (a histogram, a rollup) keyed by `target`, creating missing
 * rows, then drops the lowered rows whose counts all reached zero. Callers pass deltas in a stable
 * order, so concurrent writers would take row locks in the same order.
 */
async function addCounts(
  tx: Knex.Transaction,
  table: string,
  target: string[],
  deltas: Array<Record<string, string | number>>,
) {
  if (deltas.length === 0) return;
  const counters = Object.keys(deltas[0]).filter(c => !target.includes(c));
  const increments = Object.fromEntries(
    counters.map(c => [
      c,
      tx.raw('?? + ??', [`${table}.${c}`, `excluded.${c}`]),
    ]),
  );
  for (const batch of chunks(deltas)) {
    await tx(table).insert(batch).onConflict(target).merge(increments);
  }
  const lowered = deltas.filter(d => counters.some(c => Number(d[c]) < 0));
  for (const batch of chunks(lowered)) {
    await tx(table)
      .whereIn(
        target,
        batch.map(d => target.map(t => d[t])),
      )
      .where(q => {
        for (const c of counters) q.where(c, '<=', 0);
      })
      .delete();
  }
}

/** Knex implementation of {@link DevexStore} for PostgreSQL and SQLite. */
export class KnexDevexStore implements DevexStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<KnexDevexStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new KnexDevexStore(client);
  }

  private readonly isPg: boolean;

  /** Pairs per statement: arrays make PostgreSQL statements cheap, SQLite binds each value. */
  private readonly pairChunk: number;

  constructor(private readonly db: Knex) {
    this.isPg = db.client.config.client === 'pg';
    this.pairChunk = this.isPg ? 5000 : CHUNK;
  }

  private pairs(
    query: Knex.QueryBuilder,
    columns: [string, string],
    pairs: string[][],
  ) {
    return wherePairs(query, this.isPg, columns, pairs);
  }

  async ingest(events: DevexEvent[], receivedAt: number) {
    // Within one batch the last send of an identity wins, as if they had come one by one.
    const latest = new Map<string, DevexEvent>();
    for (const event of events) latest.set(key(event.source, event.id), event);
    const deployments: DeploymentEvent[] = [];
    const incidents: IncidentEvent[] = [];
    const surveys: SurveyEvent[] = [];
    for (const event of latest.values()) {
      if (event.type === 'deployment') deployments.push(event);
      else if (event.type === 'incident') incidents.push(event);
      else surveys.push(event);
    }

    await this.db.transaction(async tx => {
      if (this.isPg) {
        // One ingesting transaction at a time across replicas: derived facts, the histogram and
        // the daily rollup are read-modify-write and must not interleave.
        await tx.raw('SELECT pg_advisory_xact_lock(?)', [INGEST_LOCK_KEY]);
      }
      const changes = new IngestChanges();
      const newCommits = await this.storeDeployments(
        tx,
        deployments,
        receivedAt,
        changes,
      );
      await this.storeIncidents(tx, incidents, receivedAt, changes);
      await this.storeSurveys(tx, surveys);
      await this.storeCommitsAndLeadTimes(tx, changes, newCommits);
      await this.deriveFailures(tx, changes);
      await addCounts(
        tx,
        'devex_deployment_days',
        ['day', 'source'],
        changes.dayDeltas(),
      );
    });
    return { accepted: latest.size };
  }

  private async storeDeployments(
    tx: Knex.Transaction,
    deployments: DeploymentEvent[],
    receivedAt: number,
    changes: IngestChanges,
  ): Promise<Map<string, CommitRow>> {
    // Written with their lead-time facts once those are known (storeCommitsAndLeadTimes).
    const newCommits = new Map<string, CommitRow>();
    for (const batch of chunks(deployments, this.pairChunk)) {
      const pairs = batch.map(d => [d.source, d.id]);
      // A replaced deployment may have listed other commits, another service or another target.
      const previous: Array<Record<string, any>> = await this.pairs(
        tx('devex_deployments').select(
          'source',
          'event_id',
          'remediates',
          'finished_at',
          'counted',
          'rework',
          'failed',
        ),
        ['source', 'event_id'],
        pairs,
      );
      const previousByKey = new Map<string, Record<string, any>>();
      if (previous.length > 0) {
        const previousPairs = previous.map(p => [p.source, p.event_id]);
        for (const p of previous) {
          previousByKey.set(key(p.source, p.event_id), p);
          if (p.remediates) changes.touchDeployment(p.source, p.remediates);
        }
        const previousCommits = await this.pairs(
          tx('devex_deployment_commits').select(
            'service_ref',
            'sha',
            'first_production',
            'deployed_at',
            'bucket',
          ),
          ['source', 'deployment_id'],
          previousPairs,
        );
        for (const c of previousCommits) {
          changes.rederiveCommit(c.service_ref, c.sha);
          if (bool(c.first_production)) {
            changes.moveLeadSample(
              { deployed_at: num(c.deployed_at), bucket: numOrNull(c.bucket) },
              -1,
            );
          }
        }
        await this.pairs(
          tx('devex_deployment_commits'),
          ['source', 'deployment_id'],
          previousPairs,
        ).delete();
      }

      const rows = batch.map(d => {
        const kind = d.data.kind ?? 'normal';
        return {
          source: d.source,
          event_id: d.id,
          service_ref: d.subject.toLocaleLowerCase('en-US'),
          environment: d.data.environment,
          status: d.data.status,
          finished_at: Date.parse(d.data.finishedAt),
          started_at: d.data.startedAt ? Date.parse(d.data.startedAt) : null,
          kind,
          remediates: d.data.remediates ?? null,
          commit_count: d.data.commits.length,
          counted:
            d.data.environment.toLocaleLowerCase('en-US') ===
              PRODUCTION_ENVIRONMENT && d.data.status === 'success',
          rework: kind !== 'normal' || Boolean(d.data.remediates),
          failed: false,
          recovered_at: null,
          demo: d.source === DEMO_SOURCE,
          received_at: receivedAt,
        };
      });
      // failed/recovered_at are derived and recomputed below, so a re-send must not reset them
      // to defaults behind the recomputation's back: merge only the event's own columns.
      await bulkInsert(
        tx,
        this.isPg,
        'devex_deployments',
        DEPLOYMENT_COLUMNS,
        rows,
        {
          target: ['source', 'event_id'],
          merge: Object.keys(DEPLOYMENT_COLUMNS).filter(
            c => !['source', 'event_id', 'failed', 'recovered_at'].includes(c),
          ),
        },
      );

      batch.forEach((d, index) => {
        const row = rows[index];
        const prior = previousByKey.get(key(d.source, d.id));
        changes.recordContribution(
          { source: d.source, id: d.id },
          {
            before: prior ? dayContribution(prior) : null,
            after: dayContribution({ ...row, failed: prior?.failed ?? false }),
          },
        );
        changes.touchDeployment(d.source, d.id);
        if (d.data.remediates)
          changes.touchDeployment(d.source, d.data.remediates);
        for (const c of d.data.commits) {
          const sha = c.sha.toLowerCase();
          const committedAt = Date.parse(c.committedAt);
          const commitRow: CommitRow = {
            source: d.source,
            deployment_id: d.id,
            sha,
            service_ref: row.service_ref,
            committed_at: committedAt,
            first_production: false,
            deployed_at: null,
            lead_ms: null,
            bucket: null,
          };
          newCommits.set(commitRowKey(commitRow), commitRow);
          if (row.counted) {
            const leadMs = row.finished_at - committedAt;
            changes.offerLeadFact({
              service_ref: row.service_ref,
              sha,
              deployment_source: d.source,
              deployment_id: d.id,
              deployed_at: row.finished_at,
              lead_ms: leadMs,
              bucket: leadTimeBucket(leadMs),
            });
          }
        }
      });
    }
    return newCommits;
  }

  private async storeIncidents(
    tx: Knex.Transaction,
    incidents: IncidentEvent[],
    receivedAt: number,
    changes: IngestChanges,
  ) {
    for (const batch of chunks(incidents, this.pairChunk)) {
      const previous: Array<Record<string, any>> = await this.pairs(
        tx('devex_incidents')
          .select('source', 'deployment_id')
          .whereNotNull('deployment_id'),
        ['source', 'event_id'],
        batch.map(i => [i.source, i.id]),
      );
      for (const p of previous)
        changes.touchDeployment(p.source, p.deployment_id);
      for (const i of batch) {
        if (i.data.deploymentId)
          changes.touchDeployment(i.source, i.data.deploymentId);
      }
      const rows = batch.map(i => ({
        source: i.source,
        event_id: i.id,
        service_ref: i.subject.toLocaleLowerCase('en-US'),
        started_at: Date.parse(i.data.startedAt),
        resolved_at: i.data.resolvedAt ? Date.parse(i.data.resolvedAt) : null,
        deployment_id: i.data.deploymentId ?? null,
        severity: i.data.severity ?? null,
        demo: i.source === DEMO_SOURCE,
        received_at: receivedAt,
      }));
      await bulkInsert(
        tx,
        this.isPg,
        'devex_incidents',
        INCIDENT_COLUMNS,
        rows,
        {
          target: ['source', 'event_id'],
          merge: Object.keys(INCIDENT_COLUMNS).filter(
            c => !['source', 'event_id'].includes(c),
          ),
        },
      );
    }
  }

  private async storeSurveys(tx: Knex.Transaction, surveys: SurveyEvent[]) {
    for (const batch of chunks(surveys)) {
      await tx('devex_survey_responses')
        .insert(
          batch.map(s => ({
            source: s.source,
            event_id: s.id,
            respondent: s.data.respondent,
            team_ref: null,
            score: s.data.score,
            comment: s.data.comment ?? null,
            submitted_at: Date.now(),
            demo: s.source === DEMO_SOURCE,
          })),
        )
        .onConflict(['source', 'event_id'])
        .merge(['respondent', 'score', 'comment', 'demo']);
    }
  }

  /**
   * Stores the batch's commit rows and brings each affected commit's lead-time fact (the row of
   * its first successful production deployment, `first_production`) up to date, moving the
   * histogram counts of changed samples. Commits only offered by new deployments are compared
   * with their stored fact; commits a replaced deployment listed are re-derived from every
   * candidate deployment.
   */
  private async storeCommitsAndLeadTimes(
    tx: Knex.Transaction,
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

    for (const batch of chunks([...affected.values()], this.pairChunk)) {
      const stored = await this.storedLeadFacts(tx, batch);
      const rederive = batch.filter(c =>
        changes.rederivedCommits.has(key(c.service, c.sha)),
      );
      const rederived =
        rederive.length > 0
          ? await this.firstProductionDeploymentsOf(tx, rederive)
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
      tx,
      this.isPg,
      'devex_deployment_commits',
      COMMIT_COLUMNS,
      [...newCommits.values()] as unknown as Array<Record<string, unknown>>,
    );
    await this.updateLeadFacts(tx, updates);
    await addCounts(
      tx,
      'devex_lead_time_histogram',
      ['day', 'bucket'],
      changes.histogramDeltas(),
    );
  }

  /** Marks or unmarks stored commit rows as their commit's lead-time fact. */
  private async updateLeadFacts(
    tx: Knex.Transaction,
    rows: Array<CommitIdentity & LeadFactMark>,
  ) {
    await bulkUpdate(
      tx,
      this.isPg,
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
    tx: Knex.Transaction,
    commits: CommitRef[],
  ): Promise<Map<string, LeadFact>> {
    const rows = await this.pairs(
      tx('devex_deployment_commits')
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
    tx: Knex.Transaction,
    commits: CommitRef[],
  ): Promise<Map<string, LeadFact>> {
    const candidates = await this.pairs(
      tx('devex_deployment_commits as c')
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
    ).select(
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

  /**
   * Re-derives failure and recovery of the affected deployments from the incidents that name them
   * and the deployments that remediate them (either may arrive before the deployment itself), and
   * records how each one's share of the daily rollup changes.
   */
  private async deriveFailures(tx: Knex.Transaction, changes: IngestChanges) {
    for (const batch of chunks(
      [...changes.affectedDeployments.values()],
      this.pairChunk,
    )) {
      const pairs = batch.map(a => [a.source, a.id]);
      const deployments: Array<Record<string, any>> = await this.pairs(
        tx('devex_deployments').select(
          'source',
          'event_id',
          'finished_at',
          'counted',
          'rework',
          'failed',
          'recovered_at',
        ),
        ['source', 'event_id'],
        pairs,
      );
      if (deployments.length === 0) continue;
      const present = deployments.map(d => [d.source, d.event_id]);
      const [remediations, incidents] = await Promise.all([
        this.pairs(
          tx('devex_deployments')
            .select('source', 'remediates', 'finished_at', 'counted')
            .whereNotNull('remediates'),
          ['source', 'remediates'],
          present,
        ),
        this.pairs(
          tx('devex_incidents').select(
            'source',
            'deployment_id',
            'resolved_at',
          ),
          ['source', 'deployment_id'],
          present,
        ),
      ]);

      const fixes = new Map<
        string,
        { any: boolean; firstFix: number | null }
      >();
      for (const r of remediations) {
        const k = key(r.source, r.remediates);
        const entry = fixes.get(k) ?? { any: false, firstFix: null };
        entry.any = true;
        // Only a remediation that reached production successfully ends the failure.
        if (bool(r.counted)) {
          const at = num(r.finished_at);
          entry.firstFix =
            entry.firstFix === null ? at : Math.min(entry.firstFix, at);
        }
        fixes.set(k, entry);
      }
      const linked = new Map<
        string,
        { count: number; open: number; lastResolved: number }
      >();
      for (const i of incidents) {
        const k = key(i.source, i.deployment_id);
        const entry = linked.get(k) ?? {
          count: 0,
          open: 0,
          lastResolved: -Infinity,
        };
        entry.count += 1;
        const resolved = numOrNull(i.resolved_at);
        if (resolved === null) entry.open += 1;
        else entry.lastResolved = Math.max(entry.lastResolved, resolved);
        linked.set(k, entry);
      }

      const failureChanges: FailureChange[] = [];
      for (const d of deployments) {
        const k = key(d.source, d.event_id);
        const fix = fixes.get(k);
        const incident = linked.get(k);
        const counted = bool(d.counted);
        const failed = counted && (Boolean(fix?.any) || Boolean(incident));
        let recoveredAt: number | null = null;
        if (failed) {
          const candidates: number[] = [];
          if (fix?.firstFix !== null && fix?.firstFix !== undefined)
            candidates.push(fix.firstFix);
          if (incident && incident.open === 0)
            candidates.push(incident.lastResolved);
          if (candidates.length > 0) recoveredAt = Math.min(...candidates);
        }
        changes.recordContribution(
          { source: d.source, id: d.event_id },
          {
            before: dayContribution(d),
            after: dayContribution({ ...d, failed }),
          },
        );
        if (
          bool(d.failed) !== failed ||
          numOrNull(d.recovered_at) !== recoveredAt
        ) {
          failureChanges.push({
            source: d.source,
            id: d.event_id,
            failed,
            recoveredAt,
          });
        }
      }
      await this.updateFailures(tx, failureChanges);
    }
  }

  private async updateFailures(tx: Knex.Transaction, changes: FailureChange[]) {
    await bulkUpdate(
      tx,
      this.isPg,
      'devex_deployments',
      { source: 'text', event_id: 'text' },
      { failed: 'boolean', recovered_at: 'bigint' },
      changes.map(c => ({
        source: c.source,
        event_id: c.id,
        failed: c.failed,
        recovered_at: c.recoveredAt,
      })),
    );
  }

  async doraAggregates(
    scope: ServiceScope,
    window: TimeWindow,
  ): Promise<DoraAggregates> {
    const services = scope.services;
    const empty = services !== undefined && services.length === 0;
    const inScope = (qb: Knex.QueryBuilder, column: string) => {
      if (services)
        qb.whereIn(column, services.length ? services : ['\u0000none']);
      return qb;
    };

    // The four reads are independent: run them side by side so the answer takes as long as the
    // slowest one, not their sum.
    const noRows = Promise.resolve([] as Array<Record<string, any>>);
    const [perSource, leadTime, failures, unlinked] = await Promise.all([
      this.deploymentCounts(services, window),
      this.leadTime(services, window),
      empty
        ? noRows
        : (inScope(
            this.db('devex_deployments')
              .where('counted', true)
              .where('failed', true)
              .where('finished_at', '>=', window.from)
              .where('finished_at', '<', window.to)
              .select('finished_at', 'recovered_at'),
            'service_ref',
          ) as Promise<Array<Record<string, any>>>),
      empty
        ? noRows
        : (inScope(
            this.db('devex_incidents')
              .whereNull('deployment_id')
              .where('started_at', '>=', window.from)
              .where('started_at', '<', window.to)
              .select('started_at', 'resolved_at', 'source'),
            'service_ref',
          ) as Promise<Array<Record<string, any>>>),
    ]);
    let deployments = 0;
    let failedDeployments = 0;
    let reworkDeployments = 0;
    for (const row of perSource) {
      deployments += num(row.deployments);
      failedDeployments += num(row.failed ?? 0);
      reworkDeployments += num(row.rework ?? 0);
    }

    const recoveries: number[] = [];
    let openFailures = 0;
    for (const f of failures) {
      const recovered = numOrNull(f.recovered_at);
      if (recovered === null) openFailures += 1;
      else recoveries.push(Math.max(0, recovered - num(f.finished_at)));
    }
    recoveries.sort((a, b) => a - b);

    const restores: number[] = [];
    let openIncidents = 0;
    const sources = new Set<string>(perSource.map(r => String(r.source)));
    for (const i of unlinked) {
      sources.add(i.source);
      const resolved = numOrNull(i.resolved_at);
      if (resolved === null) openIncidents += 1;
      else restores.push(Math.max(0, resolved - num(i.started_at)));
    }
    restores.sort((a, b) => a - b);

    return {
      deployments,
      failedDeployments,
      reworkDeployments,
      leadTime,
      recovery: {
        median: quantileOfSorted(recoveries, 0.5),
        samples: recoveries.length,
        open: openFailures,
      },
      timeToRestore: {
        median: quantileOfSorted(restores, 0.5),
        samples: restores.length,
        open: openIncidents,
      },
      sources: [...sources].sort(),
    };
  }

  /** Per source: DORA deployments in the window, and how many failed or were rework. */
  private async deploymentCounts(
    services: string[] | undefined,
    window: TimeWindow,
  ): Promise<Array<Record<string, any>>> {
    if (services?.length === 0) return [];
    const countDeployments = (range: TimeWindow) => {
      const query = this.db('devex_deployments')
        .where('counted', true)
        .where('finished_at', '>=', range.from)
        .where('finished_at', '<', range.to)
        .groupBy('source')
        .select('source')
        .count({ deployments: '*' })
        .sum({ failed: this.db.raw('CASE WHEN failed THEN 1 ELSE 0 END') })
        .sum({ rework: this.db.raw('CASE WHEN rework THEN 1 ELSE 0 END') });
      if (services) query.whereIn('service_ref', services);
      return query as Promise<Array<Record<string, any>>>;
    };
    if (services) return countDeployments(window);

    // Organisation-wide: the daily rollup for whole UTC days, raw rows for the partial edges.
    const { wholeDays, partial } = splitByUtcDays(window);
    const parts = await Promise.all([
      wholeDays
        ? (this.db('devex_deployment_days')
            .where('day', '>=', wholeDays.first)
            .where('day', '<', wholeDays.end)
            .groupBy('source')
            .select('source')
            .sum({ deployments: 'deployments' })
            .sum({ failed: 'failed' })
            .sum({ rework: 'rework' }) as Promise<Array<Record<string, any>>>)
        : Promise.resolve([]),
      ...partial.map(countDeployments),
    ]);
    const bySource = new Map<string, Record<string, number | string>>();
    for (const row of parts.flat()) {
      const entry = bySource.get(row.source) ?? {
        source: row.source,
        deployments: 0,
        failed: 0,
        rework: 0,
      };
      entry.deployments = Number(entry.deployments) + num(row.deployments);
      entry.failed = Number(entry.failed) + num(row.failed ?? 0);
      entry.rework = Number(entry.rework) + num(row.rework ?? 0);
      bySource.set(row.source, entry);
    }
    return [...bySource.values()].filter(r => Number(r.deployments) > 0);
  }

  private async leadTime(
    services: string[] | undefined,
    window: TimeWindow,
  ): Promise<DoraAggregates['leadTime']> {
    if (!services) return this.organisationLeadTime(window);
    if (services.length === 0) return { median: null, p90: null, samples: 0 };
    return this.scopedLeadTime(services, window);
  }

  private async scopedLeadTime(services: string[], window: TimeWindow) {
    const values: number[] = [];
    for (const batch of chunks(services)) {
      const rows = await this.db('devex_deployment_commits')
        .whereIn('service_ref', batch)
        .whereNotNull('bucket')
        .where('deployed_at', '>=', window.from)
        .where('deployed_at', '<', window.to)
        .select('lead_ms');
      for (const r of rows) values.push(num(r.lead_ms));
    }
    values.sort((a, b) => a - b);
    return {
      median: quantileOfSorted(values, 0.5),
      p90: quantileOfSorted(values, 0.9),
      samples: values.length,
    };
  }

  /**
   * Exact organisation-wide quantiles without sorting every sample: bucket counts come from the
   * daily histogram (whole UTC days) plus the raw rows of the partial days at the window's edges;
   * then only the bucket holding each wanted rank is read.
   */
  private async organisationLeadTime(window: TimeWindow) {
    const { wholeDays, partial } = splitByUtcDays(window);
    const counts = new Map<number, number>();
    const add = (bucket: number, n: number) =>
      counts.set(bucket, (counts.get(bucket) ?? 0) + n);
    const counted: Array<Array<Record<string, any>>> = await Promise.all([
      wholeDays
        ? this.db('devex_lead_time_histogram')
            .where('day', '>=', wholeDays.first)
            .where('day', '<', wholeDays.end)
            .groupBy('bucket')
            .select('bucket')
            .sum({ samples: 'samples' })
        : Promise.resolve([]),
      ...partial.map(range =>
        this.db('devex_deployment_commits')
          .whereNotNull('bucket')
          .where('deployed_at', '>=', range.from)
          .where('deployed_at', '<', range.to)
          .groupBy('bucket')
          .select('bucket')
          .count({ samples: '*' }),
      ),
    ]);
    for (const rows of counted) {
      for (const r of rows) add(num(r.bucket), num(r.samples));
    }

    const buckets = [...counts.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[0] - b[0]);
    const samples = buckets.reduce((sum, [, n]) => sum + n, 0);
    if (samples === 0) return { median: null, p90: null, samples: 0 };

    const ranks = [0.5, 0.9].flatMap(q => {
      const position = (samples - 1) * q;
      return [Math.floor(position), Math.ceil(position)];
    });
    const locate = (rank: number) => {
      let before = 0;
      for (const [bucket, n] of buckets) {
        if (rank < before + n) return { bucket, offset: rank - before };
        before += n;
      }
      throw new Error(
        `lead-time histogram out of step: rank ${rank} of ${samples}`,
      );
    };
    const wanted = [...new Set(ranks.map(r => locate(r).bucket))];
    const fetched = await Promise.all(
      wanted.map(async bucket => {
        const rows = await this.db('devex_deployment_commits')
          .where('bucket', bucket)
          .where('deployed_at', '>=', window.from)
          .where('deployed_at', '<', window.to)
          .select('lead_ms');
        return [
          bucket,
          rows.map(r => num(r.lead_ms)).sort((a, b) => a - b),
        ] as const;
      }),
    );
    const bucketValues = new Map<number, number[]>(fetched);
    const valueAtRank = (rank: number) => {
      const { bucket, offset } = locate(rank);
      const value = bucketValues.get(bucket)![offset];
      if (value === undefined) {
        throw new Error(`lead-time histogram out of step in bucket ${bucket}`);
      }
      return value;
    };
    const quantileAt = (q: number) => {
      const position = (samples - 1) * q;
      const lower = Math.floor(position);
      const low = valueAtRank(lower);
      const high = valueAtRank(Math.ceil(position));
      return low + (high - low) * (position - lower);
    };
    return { median: quantileAt(0.5), p90: quantileAt(0.9), samples };
  }

  async listDeployments(
    scope: ServiceScope,
    options: { limit: number; environment?: string },
  ): Promise<DeploymentSummary[]> {
    if (scope.services && scope.services.length === 0) return [];
    const query = this.db('devex_deployments')
      .orderBy('finished_at', 'desc')
      .limit(options.limit)
      .select('*');
    if (scope.services) query.whereIn('service_ref', scope.services);
    if (options.environment) query.where('environment', options.environment);
    const rows = await query;
    return rows.map(r => ({
      source: r.source,
      id: r.event_id,
      service: r.service_ref,
      environment: r.environment,
      status: r.status,
      finishedAt: iso(num(r.finished_at)),
      startedAt: r.started_at === null ? null : iso(num(r.started_at)),
      kind: r.kind,
      remediates: r.remediates,
      commits: num(r.commit_count),
      failed: bool(r.failed),
      recoveredAt: r.recovered_at === null ? null : iso(num(r.recovered_at)),
      rework: bool(r.rework) && bool(r.counted),
      demo: bool(r.demo),
    }));
  }

  async listIncidents(
    scope: ServiceScope,
    options: { limit: number },
  ): Promise<IncidentSummary[]> {
    if (scope.services && scope.services.length === 0) return [];
    const query = this.db('devex_incidents')
      .orderBy('started_at', 'desc')
      .limit(options.limit)
      .select('*');
    if (scope.services) query.whereIn('service_ref', scope.services);
    const rows = await query;
    return rows.map(r => ({
      source: r.source,
      id: r.event_id,
      service: r.service_ref,
      startedAt: iso(num(r.started_at)),
      resolvedAt: r.resolved_at === null ? null : iso(num(r.resolved_at)),
      deploymentId: r.deployment_id,
      severity: r.severity,
      demo: bool(r.demo),
    }));
  }

  async surveyResponses(window: TimeWindow): Promise<SurveyResponseRecord[]> {
    const rows = await this.db('devex_survey_responses')
      .where('submitted_at', '>=', window.from)
      .where('submitted_at', '<', window.to)
      .orderBy('submitted_at', 'desc')
      .select('*');
    return rows.map(r => ({
      source: r.source,
      id: r.event_id,
      respondent: r.respondent,
      teamRef: r.team_ref,
      score: num(r.score),
      comment: r.comment,
      submittedAt: num(r.submitted_at),
      demo: bool(r.demo),
    }));
  }

  async addSurveyResponse(response: SurveyResponseRecord): Promise<void> {
    await this.db('devex_survey_responses')
      .insert({
        source: response.source,
        event_id: response.id,
        respondent: response.respondent,
        team_ref: response.teamRef,
        score: response.score,
        comment: response.comment,
        submitted_at: response.submittedAt,
        demo: response.demo,
      })
      .onConflict(['source', 'event_id'])
      .merge();
  }

  async firstProductionDeployments(
    services: string[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const batch of chunks(services)) {
      const rows: Array<Record<string, any>> = await this.db(
        'devex_deployments',
      )
        .where('counted', true)
        .whereIn('service_ref', batch)
        .groupBy('service_ref')
        .select('service_ref')
        .min({ first: 'finished_at' });
      for (const r of rows) result.set(r.service_ref, num(r.first));
    }
    return result;
  }

  async recordPushedCommits(
    repository: string,
    commits: Array<{ sha: string; committedAt: number }>,
  ): Promise<void> {
    for (const batch of chunks(commits)) {
      await this.db('devex_github_commits')
        .insert(
          batch.map(c => ({
            repository: repository.toLocaleLowerCase('en-US'),
            sha: c.sha.toLowerCase(),
            committed_at: c.committedAt,
          })),
        )
        .onConflict(['repository', 'sha'])
        .ignore();
    }
  }

  async pushedCommits(repository: string, until: number, limit: number) {
    const rows = await this.db('devex_github_commits')
      .where('repository', repository.toLocaleLowerCase('en-US'))
      .where('committed_at', '<=', until)
      .orderBy('committed_at', 'desc')
      .limit(limit)
      .select('sha', 'committed_at');
    return rows.map(r => ({
      sha: r.sha as string,
      committedAt: num(r.committed_at),
    }));
  }
}
