// @ts-check

/**
 * Changes (pull requests, merge requests) for the review flow: one row per identity, the times
 * each stage starts and ends, and, derived at ingest, when the merge commit first reached
 * production, so stage medians never join deployments at query time.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPg = knex.client.config.client === 'pg';

  await knex.schema.createTable('devex_changes', table => {
    table.comment(
      'Change events (pull/merge requests), one row per identity (source, event_id); a re-send replaces it',
    );
    table
      .string('source', 200)
      .notNullable()
      .comment('Event source (a CI system, github, paved-demo)');
    table
      .string('event_id', 200)
      .notNullable()
      .comment('Event id, unique within its source');
    table
      .string('service_ref', 255)
      .notNullable()
      .comment('Entity ref of the service the change is made to');
    table
      .bigInteger('opened_at')
      .notNullable()
      .comment('When the change was opened for review (epoch ms)');
    table
      .bigInteger('first_commit_at')
      .nullable()
      .comment('Earliest commit of the change (epoch ms), when known');
    table
      .bigInteger('first_review_at')
      .nullable()
      .comment('First review by someone other than the author (epoch ms)');
    table
      .bigInteger('approved_at')
      .nullable()
      .comment('First approval (epoch ms)');
    table
      .bigInteger('merged_at')
      .nullable()
      .comment('When it was merged (epoch ms); null while not merged');
    table
      .bigInteger('closed_at')
      .nullable()
      .comment('Closed without merging (epoch ms): abandoned, not open');
    table
      .string('merge_commit', 64)
      .nullable()
      .comment('Merge commit sha (lower case)');
    table.integer('additions').nullable().comment('Lines added, when known');
    table.integer('deletions').nullable().comment('Lines deleted, when known');
    table
      .bigInteger('deployed_at')
      .nullable()
      .comment(
        'Derived: finished_at of the first successful production deployment of the service listing merge_commit',
      );
    table
      .boolean('demo')
      .notNullable()
      .comment('Seeded demo data (source paved-demo)');
    table
      .bigInteger('received_at')
      .notNullable()
      .comment('When the latest send of this identity arrived (epoch ms)');
    table
      .string('writer', 255)
      .nullable()
      .comment('Principal that wrote the event; only it may replace it');
    table
      .bigInteger('observed_at')
      .nullable()
      .comment(
        "The source's own time of the stored state (epoch ms); an older state never replaces it",
      );
    table.primary(['source', 'event_id']);
    table.index(
      ['service_ref', 'merge_commit'],
      'devex_changes_merge_commit_idx',
    );
    table.index(['service_ref', 'merged_at'], 'devex_changes_service_idx');
    table.index(
      ['service_ref', 'opened_at'],
      'devex_changes_service_opened_idx',
    );
  });

  // The organisation-wide stage medians read only these columns: on PostgreSQL an index-only scan.
  if (isPg) {
    await knex.raw(
      `CREATE INDEX devex_changes_merged_idx ON devex_changes (merged_at)
         INCLUDE (opened_at, first_commit_at, first_review_at, deployed_at, additions, deletions)
         WHERE merged_at IS NOT NULL`,
    );
    await knex.raw(
      'CREATE INDEX devex_changes_open_idx ON devex_changes (opened_at) WHERE merged_at IS NULL AND closed_at IS NULL',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_changes_merged_idx ON devex_changes (merged_at) WHERE merged_at IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_changes_open_idx ON devex_changes (opened_at) WHERE merged_at IS NULL AND closed_at IS NULL',
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_changes');
};
