// @ts-check

/**
 * Ingest looks every incoming commit up by (service_ref, sha) and inserts it there. Commit shas
 * are random, so each insert lands on a random page of that index; as a B-tree on two long text
 * columns it outgrew PostgreSQL's buffers at a few million commits and every batch paid for
 * evicting and re-reading pages. A hash index stores 4-byte hash codes instead of the keys, about
 * a quarter of the size, and the lookups only ever ask for equality. SQLite keeps the B-tree
 * (it has no hash indexes and its pages live in the OS cache anyway).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'CREATE INDEX devex_deployment_commits_sha_hash_idx ON devex_deployment_commits USING hash (sha)',
  );
  await knex.raw('DROP INDEX devex_deployment_commits_service_sha_idx');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'CREATE INDEX devex_deployment_commits_service_sha_idx ON devex_deployment_commits (service_ref, sha)',
  );
  await knex.raw('DROP INDEX devex_deployment_commits_sha_hash_idx');
};
