// @ts-check

/**
 * Back to the (service_ref, sha) B-tree on PostgreSQL. The hash index of 20261124120000 was
 * smaller, but measured on the full benchmark (1,000,000 deployments, 3,000,000 commits) ingest
 * got slower with it, not faster: 1,899 events/s after 800,000 events against 2,829 with the
 * B-tree (hash buckets keep splitting as the table grows, and every insert pays for it).
 * Nothing to do on SQLite, which never had the hash index.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'CREATE INDEX devex_deployment_commits_service_sha_idx ON devex_deployment_commits (service_ref, sha)',
  );
  await knex.raw('DROP INDEX devex_deployment_commits_sha_hash_idx');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'CREATE INDEX devex_deployment_commits_sha_hash_idx ON devex_deployment_commits USING hash (sha)',
  );
  await knex.raw('DROP INDEX devex_deployment_commits_service_sha_idx');
};
