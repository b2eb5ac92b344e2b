// @ts-check

/**
 * `timeToRestore` reads incidents that name no deployment by start time; a partial index keeps
 * that read to those rows (a covering one on PostgreSQL, so it never visits the table).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'CREATE INDEX devex_incidents_unlinked_idx ON devex_incidents (started_at) INCLUDE (resolved_at, source, service_ref) WHERE deployment_id IS NULL',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_incidents_unlinked_idx ON devex_incidents (started_at) WHERE deployment_id IS NULL',
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX devex_incidents_unlinked_idx');
};
