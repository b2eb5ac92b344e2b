import { Knex } from 'knex';
import {
  FirstContributions,
  OnboardingIdentity,
  OnboardingStore,
  UserSighting,
} from './OnboardingStore';
import { chunks } from './bulkWrites';
import { bool, num, numOrNull } from './rows';

// Two bound values per identity: well under SQLite's 999 variables per statement.
const IDENTITY_CHUNK = 400;

/**
 * How long after DevEx's first look at the catalog a user seen for the first time still counts
 * as there before tracking began: a portal that has just started may still be ingesting its
 * organisation, and the users that arrive late are not newcomers.
 */
export const FIRST_LOOK_GRACE_MS = 24 * 3_600_000;

/** Knex implementation of {@link OnboardingStore} for PostgreSQL and SQLite. */
export class KnexOnboardingStore implements OnboardingStore {
  constructor(private readonly db: Knex) {}

  async recordSightings(
    userRefs: string[],
    now: number,
  ): Promise<Map<string, UserSighting>> {
    const refs = [...new Set(userRefs.map(r => r.toLocaleLowerCase('en-US')))];
    return this.db.transaction(async tx => {
      const stored = await this.sightings(tx);
      const unseen = refs.filter(r => !stored.has(r));
      if (unseen.length > 0) {
        // The first look (and the catalog's ingestion right after it) finds people who were
        // already there: their real first appearance is unknown.
        let firstLook = Infinity;
        for (const sighting of stored.values()) {
          firstLook = Math.min(firstLook, sighting.firstSeenAt);
        }
        const beforeTracking =
          stored.size === 0 || now - firstLook < FIRST_LOOK_GRACE_MS;
        for (const batch of chunks(unseen, 300)) {
          await tx('devex_user_first_seen')
            .insert(
              batch.map(userRef => ({
                user_ref: userRef,
                first_seen_at: now,
                before_tracking: beforeTracking,
              })),
            )
            // Another replica may have seen them at the same moment; the first record stands.
            .onConflict('user_ref')
            .ignore();
        }
        return this.sightings(tx);
      }
      return stored;
    });
  }

  private async sightings(db: Knex) {
    const rows = await db('devex_user_first_seen').select(
      'user_ref',
      'first_seen_at',
      'before_tracking',
    );
    return new Map<string, UserSighting>(
      rows.map(r => [
        r.user_ref as string,
        {
          firstSeenAt: num(r.first_seen_at),
          beforeTracking: bool(r.before_tracking),
        },
      ]),
    );
  }

  async firstContributions(
    identities: OnboardingIdentity[],
  ): Promise<Map<string, FirstContributions>> {
    const result = new Map<string, FirstContributions>();
    const isPg = this.db.client.config.client === 'pg';
    // Typed placeholders: PostgreSQL cannot infer the types of a VALUES list's parameters.
    const tuple = isPg ? '(?::text, ?::bigint)' : '(?, ?)';
    for (const batch of chunks(identities, IDENTITY_CHUNK)) {
      // One index seek per identity and milestone (devex_changes_author_idx,
      // devex_deployments_actor_idx): the first at or after the identity's own start.
      const rows: Array<Record<string, unknown>> = await this.db
        .raw(
          `WITH people(identity, start_at) AS (VALUES ${batch
            .map(() => tuple)
            .join(', ')})
           SELECT p.identity AS identity,
             (SELECT min(c.merged_at) FROM devex_changes c
               WHERE c.author = p.identity AND c.merged_at >= p.start_at) AS first_merge_at,
             (SELECT min(d.finished_at) FROM devex_deployments d
               WHERE d.triggered_by = p.identity AND d.finished_at >= p.start_at
                 AND d.counted) AS first_deploy_at
           FROM people p`,
          batch.flatMap(i => [i.identity, i.startAt]),
        )
        .then((r: any) => (isPg ? r.rows : r));
      for (const row of rows) {
        result.set(String(row.identity), {
          firstMergeAt: numOrNull(row.first_merge_at),
          firstDeployAt: numOrNull(row.first_deploy_at),
        });
      }
    }
    return result;
  }
}
