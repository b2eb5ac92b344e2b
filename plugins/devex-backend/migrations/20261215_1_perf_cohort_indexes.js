// @ts-check

/**
 * Golden-path impact reads lead times and deployment counts per cohort of services for the whole
 * organisation: the indexes that serve the window scans now carry the service too, so counting
 * samples per (cohort, lead-time bucket) and reading the few buckets holding the wanted ranks
 * are index-only scans. The two lead-time indexes replace narrower ones with the same keys.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('devex_deployment_commits', table => {
    table.dropIndex([], 'devex_deployment_commits_bucket_idx');
    table.dropIndex([], 'devex_deployment_commits_deployed_idx');
  });
  if (isPg) {
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_window_idx ON devex_deployment_commits (deployed_at) INCLUDE (bucket, service_ref) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_bucket_service_idx ON devex_deployment_commits (bucket, deployed_at) INCLUDE (lead_ms, service_ref) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_idx ON devex_deployments (finished_at) INCLUDE (service_ref, failed) WHERE counted',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_window_idx ON devex_deployment_commits (deployed_at, bucket, service_ref) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_bucket_service_idx ON devex_deployment_commits (bucket, deployed_at, lead_ms, service_ref) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_idx ON devex_deployments (finished_at, service_ref, failed) WHERE counted',
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const isPg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('devex_deployments', table => {
    table.dropIndex([], 'devex_deployments_counted_idx');
  });
  await knex.schema.alterTable('devex_deployment_commits', table => {
    table.dropIndex([], 'devex_deployment_commits_window_idx');
    table.dropIndex([], 'devex_deployment_commits_bucket_service_idx');
  });
  if (isPg) {
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_bucket_idx ON devex_deployment_commits (bucket, deployed_at) INCLUDE (lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_deployed_idx ON devex_deployment_commits (deployed_at) INCLUDE (bucket) WHERE bucket IS NOT NULL',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_bucket_idx ON devex_deployment_commits (bucket, deployed_at, lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_deployed_idx ON devex_deployment_commits (deployed_at, bucket) WHERE bucket IS NOT NULL',
    );
  }
};
