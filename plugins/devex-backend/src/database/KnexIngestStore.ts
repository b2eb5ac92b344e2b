import { Knex } from 'knex';
import {
  ChangeEvent,
  DEMO_SOURCE,
  DeploymentEvent,
  DevexEvent,
  IncidentEvent,
  PRODUCTION_ENVIRONMENT,
  normalisePerson,
} from '@paved/plugin-devex-common';
import { ConflictError } from '@backstage/errors';
import { Violation, formatViolation } from '@paved/backend-platform';
import {
  IncomingEvent,
  IngestContext,
  IngestResult,
  IngestStore,
} from './IngestStore';
import { PgType, addCounts, bulkInsert, chunks, Dialect } from './bulkWrites';
import { leadTimeBucket } from './leadTimeBuckets';
import { IngestChanges, key } from './ingestChanges';
import { CommitRow, LeadTimeFacts, commitRowKey } from './leadTimeFacts';
import { FailureDerivation, dayContribution } from './failureDerivation';
import { bool, num, numOrNull } from './rows';
import {
  commitsWithMovedDeployments,
  refreshChangeDeployments,
  storeChanges,
} from './changeIngest';

// Any constant works; it only has to be the same for every replica.
const INGEST_LOCK_KEY = 4_242_017;

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
  writer: 'text',
  observed_at: 'bigint',
  triggered_by: 'text',
};
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
  writer: 'text',
  observed_at: 'bigint',
};

/** Writers that may replace events stored before writers were recorded: services (CI). */
const mayReplaceUnattributed = (writer: string) =>
  writer.startsWith('service:');

/** What every row of one ingest records about its write. */
interface WriteContext extends IngestContext {
  observedAt(event: DevexEvent): number | null;
}

function observedAtOf(
  latest: Map<string, { event: IncomingEvent }>,
): (event: DevexEvent) => number | null {
  return event =>
    latest.get(key(event.source, event.id))?.event.observedAt ?? null;
}

/** Knex implementation of {@link IngestStore} for PostgreSQL and SQLite. */
export class KnexIngestStore implements IngestStore {
  private readonly dialect: Dialect;

  constructor(private readonly db: Knex) {
    this.dialect = new Dialect(db);
  }

  async ingest(
    events: IncomingEvent[],
    context: IngestContext,
  ): Promise<IngestResult> {
    const { writer } = context;
    // Within one batch the last send of an identity wins, as if they had come one by one.
    const latest = new Map<string, { event: IncomingEvent; index: number }>();
    events.forEach((event, index) =>
      latest.set(key(event.source, event.id), { event, index }),
    );

    return this.db.transaction(async tx => {
      if (this.dialect.isPg) {
        // One ingesting transaction at a time across replicas: derived facts, the histogram and
        // the daily rollup are read-modify-write and must not interleave.
        await tx.raw('SELECT pg_advisory_xact_lock(?)', [INGEST_LOCK_KEY]);
      }
      const stored = await this.storedStates(tx, [...latest.values()]);
      const conflicts: Violation[] = [];
      const deployments: DeploymentEvent[] = [];
      const incidents: IncidentEvent[] = [];
      const changeEvents: ChangeEvent[] = [];
      let unchanged = 0;
      for (const { event, index } of latest.values()) {
        const previous = stored.get(
          key(event.type, key(event.source, event.id)),
        );
        if (previous) {
          const owned =
            previous.writer === null
              ? mayReplaceUnattributed(writer)
              : previous.writer === writer;
          if (!owned) {
            conflicts.push({
              field: `events[${index}]`,
              problem: `(source ${event.source}, id ${event.id}) belongs to an event written by another principal; choose your own id`,
              rule: 'writer',
            });
            continue;
          }
          if (
            event.observedAt !== undefined &&
            previous.observedAt !== null &&
            previous.observedAt >= event.observedAt
          ) {
            unchanged += 1;
            continue;
          }
        }
        if (event.type === 'deployment') deployments.push(event);
        else if (event.type === 'incident') incidents.push(event);
        else changeEvents.push(event);
      }
      if (conflicts.length > 0) {
        throw new ConflictError(conflicts.map(formatViolation).join('; '));
      }

      const changes = new IngestChanges();
      const newCommits = await this.storeDeployments(
        tx,
        deployments,
        { ...context, observedAt: observedAtOf(latest) },
        changes,
      );
      await this.storeIncidents(
        tx,
        incidents,
        { ...context, observedAt: observedAtOf(latest) },
        changes,
      );
      await new LeadTimeFacts(tx, this.dialect).storeCommitsAndLeadTimes(
        changes,
        newCommits,
      );
      await new FailureDerivation(tx, this.dialect).deriveFailures(changes);
      // After the lead-time facts: a change's deploy time is its merge commit's first deployment.
      await refreshChangeDeployments(
        tx,
        this.dialect,
        commitsWithMovedDeployments(changes),
      );
      await storeChanges(tx, this.dialect, changeEvents, {
        ...context,
        observedAt: event =>
          latest.get(key(event.source, event.id))?.event.observedAt ??
          stored.get(key('change', key(event.source, event.id)))?.observedAt ??
          null,
      });
      await addCounts(
        tx,
        'devex_deployment_days',
        ['day', 'source'],
        changes.dayDeltas(),
      );
      return {
        accepted: deployments.length + incidents.length + changeEvents.length,
        unchanged,
      };
    });
  }

  /** Writer and source time of the stored events with the batch's identities, by type and identity. */
  private async storedStates(
    tx: Knex.Transaction,
    incoming: Array<{ event: IncomingEvent }>,
  ) {
    const states = new Map<
      string,
      { writer: string | null; observedAt: number | null }
    >();
    for (const [type, table] of [
      ['deployment', 'devex_deployments'],
      ['incident', 'devex_incidents'],
      ['change', 'devex_changes'],
    ] as const) {
      const pairs = incoming
        .filter(({ event }) => event.type === type)
        .map(({ event }) => [event.source, event.id]);
      for (const batch of chunks(pairs, this.dialect.pairChunk)) {
        const rows: Array<Record<string, any>> = await this.dialect.pairs(
          tx(table).select('source', 'event_id', 'writer', 'observed_at'),
          ['source', 'event_id'],
          batch,
        );
        for (const row of rows) {
          states.set(key(type, key(row.source, row.event_id)), {
            writer: row.writer ?? null,
            observedAt: numOrNull(row.observed_at),
          });
        }
      }
    }
    return states;
  }

  private async storeDeployments(
    tx: Knex.Transaction,
    deployments: DeploymentEvent[],
    write: WriteContext,
    changes: IngestChanges,
  ): Promise<Map<string, CommitRow>> {
    // Written with their lead-time facts once those are known (storeCommitsAndLeadTimes).
    const newCommits = new Map<string, CommitRow>();
    for (const batch of chunks(deployments, this.dialect.pairChunk)) {
      const pairs = batch.map(d => [d.source, d.id]);
      // A replaced deployment may have listed other commits, another service or another target.
      const previous: Array<Record<string, any>> = await this.dialect.pairs(
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
        const previousCommits = await this.dialect.pairs(
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
        await this.dialect
          .pairs(
            tx('devex_deployment_commits'),
            ['source', 'deployment_id'],
            previousPairs,
          )
          .delete();
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
          received_at: write.receivedAt,
          writer: write.writer,
          observed_at: write.observedAt(d),
          triggered_by: d.data.triggeredBy
            ? normalisePerson(d.data.triggeredBy)
            : null,
        };
      });
      // failed/recovered_at are derived and recomputed below, so a re-send must not reset them
      // to defaults behind the recomputation's back: merge only the event's own columns.
      await bulkInsert(
        tx,
        this.dialect.isPg,
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
    write: WriteContext,
    changes: IngestChanges,
  ) {
    for (const batch of chunks(incidents, this.dialect.pairChunk)) {
      const previous: Array<Record<string, any>> = await this.dialect.pairs(
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
        received_at: write.receivedAt,
        writer: write.writer,
        observed_at: write.observedAt(i),
      }));
      await bulkInsert(
        tx,
        this.dialect.isPg,
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

  async deliverySeen(deliveryId: string) {
    const row = await this.db('devex_github_deliveries')
      .where('delivery_id', deliveryId)
      .first('delivery_id');
    return row !== undefined;
  }

  async recordDelivery(deliveryId: string, receivedAt: number) {
    await this.db('devex_github_deliveries')
      .insert({ delivery_id: deliveryId, received_at: receivedAt })
      .onConflict('delivery_id')
      .ignore();
  }

  async forgetDeliveries(before: number) {
    return this.db('devex_github_deliveries')
      .where('received_at', '<', before)
      .delete();
  }
}
