// @ts-check

/**
 * DevEx storage. Times are epoch milliseconds (bigint) so PostgreSQL and SQLite compare and index
 * them the same way. Raw events are kept with their identity (source, event_id); the derived
 * tables are maintained at ingest so DORA reads never join raw events.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPg = knex.client.config.client === 'pg';

  await knex.schema.createTable('devex_deployments', table => {
    table.comment(
      'Deployment events, one row per identity (source, event_id); a re-send replaces it',
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
      .comment('Entity ref of the deployed service');
    table
      .string('environment', 100)
      .notNullable()
      .comment('Target environment as sent');
    table
      .string('status', 16)
      .notNullable()
      .comment('success | failed (the pipeline outcome)');
    table
      .bigInteger('finished_at')
      .notNullable()
      .comment('When the deployment finished (epoch ms)');
    table
      .bigInteger('started_at')
      .nullable()
      .comment('When the deployment started (epoch ms)');
    table
      .string('kind', 16)
      .notNullable()
      .comment('normal | rollback | hotfix');
    table
      .string('remediates', 200)
      .nullable()
      .comment('event_id (same source) of the deployment this one fixes');
    table
      .integer('commit_count')
      .notNullable()
      .comment('Number of commits the event listed');
    table
      .boolean('counted')
      .notNullable()
      .comment('Derived: production and success, i.e. a DORA deployment');
    table
      .boolean('rework')
      .notNullable()
      .comment('Derived: rollback, hotfix or remediates another');
    table
      .boolean('failed')
      .notNullable()
      .defaultTo(false)
      .comment(
        'Derived: caused a failure (linked incident or remediated later)',
      );
    table
      .bigInteger('recovered_at')
      .nullable()
      .comment('Derived: when the failure was recovered (epoch ms)');
    table
      .boolean('demo')
      .notNullable()
      .comment('Seeded demo data (source paved-demo)');
    table
      .bigInteger('received_at')
      .notNullable()
      .comment('When the latest send of this identity arrived');
    table.primary(['source', 'event_id']);
    table.index(['source', 'remediates'], 'devex_deployments_remediates_idx');
    table.index(
      ['service_ref', 'finished_at'],
      'devex_deployments_service_recent_idx',
    );
    table.index(['finished_at'], 'devex_deployments_recent_idx');
  });

  await knex.schema.createTable('devex_deployment_commits', table => {
    table.comment('Commits listed by each deployment event');
    table
      .string('source', 200)
      .notNullable()
      .comment('Source of the deployment event');
    table
      .string('deployment_id', 200)
      .notNullable()
      .comment('event_id of the deployment');
    table.string('sha', 64).notNullable().comment('Commit sha (lower case)');
    table
      .string('service_ref', 255)
      .notNullable()
      .comment('Service of the deployment, for per-service lookups');
    table
      .bigInteger('committed_at')
      .notNullable()
      .comment('Commit time (epoch ms)');
    table.primary(['source', 'deployment_id', 'sha']);
    table.index(
      ['service_ref', 'sha'],
      'devex_deployment_commits_service_sha_idx',
    );
  });

  await knex.schema.createTable('devex_commit_lead_times', table => {
    table.comment(
      'Derived: per (service, commit) the first successful production deployment containing it',
    );
    table
      .string('service_ref', 255)
      .notNullable()
      .comment('Service entity ref');
    table.string('sha', 64).notNullable().comment('Commit sha');
    table
      .string('deployment_source', 200)
      .notNullable()
      .comment('Source of the first deployment');
    table
      .string('deployment_id', 200)
      .notNullable()
      .comment('event_id of the first deployment');
    table
      .bigInteger('deployed_at')
      .notNullable()
      .comment('finished_at of that deployment (epoch ms)');
    table
      .bigInteger('lead_ms')
      .notNullable()
      .comment(
        'deployed_at minus committed_at; may be <= 0 (then not a sample)',
      );
    table
      .integer('bucket')
      .nullable()
      .comment('Log-scale histogram bucket of lead_ms; null when lead_ms <= 0');
    table.primary(['service_ref', 'sha']);
  });

  await knex.schema.createTable('devex_lead_time_histogram', table => {
    table.comment(
      'Derived: organisation-wide count of lead-time samples per UTC day and bucket, for exact fast medians',
    );
    table
      .integer('day')
      .notNullable()
      .comment('UTC day number of deployed_at (epoch ms / 86400000)');
    table
      .integer('bucket')
      .notNullable()
      .comment('Histogram bucket (see leadTimeBucket)');
    table
      .integer('samples')
      .notNullable()
      .comment('Number of lead-time samples');
    table.primary(['day', 'bucket']);
  });

  await knex.schema.createTable('devex_incidents', table => {
    table.comment(
      'Incident events, one row per identity; a re-send (e.g. resolved) replaces it',
    );
    table.string('source', 200).notNullable().comment('Event source');
    table
      .string('event_id', 200)
      .notNullable()
      .comment('Event id, unique within its source');
    table
      .string('service_ref', 255)
      .notNullable()
      .comment('Entity ref of the affected service');
    table
      .bigInteger('started_at')
      .notNullable()
      .comment('Incident start (epoch ms)');
    table
      .bigInteger('resolved_at')
      .nullable()
      .comment('Resolution (epoch ms); null while open');
    table
      .string('deployment_id', 200)
      .nullable()
      .comment('event_id (same source) of the deployment that caused it');
    table.string('severity', 50).nullable().comment('Severity as sent');
    table
      .boolean('demo')
      .notNullable()
      .comment('Seeded demo data (source paved-demo)');
    table
      .bigInteger('received_at')
      .notNullable()
      .comment('When the latest send arrived');
    table.primary(['source', 'event_id']);
    table.index(['source', 'deployment_id'], 'devex_incidents_deployment_idx');
    table.index(['service_ref', 'started_at'], 'devex_incidents_service_idx');
    table.index(['started_at'], 'devex_incidents_started_idx');
  });

  await knex.schema.createTable('devex_survey_responses', table => {
    table.comment(
      'Pulse survey answers (events of type survey and portal submissions)',
    );
    table
      .string('source', 200)
      .notNullable()
      .comment('Event source; portal for in-portal answers');
    table
      .string('event_id', 200)
      .notNullable()
      .comment('Event id, unique within its source');
    table
      .string('respondent', 200)
      .notNullable()
      .comment(
        'Pseudonymous respondent (HMAC of the user ref for portal answers)',
      );
    table
      .string('team_ref', 255)
      .nullable()
      .comment('Group the respondent belonged to when answering');
    table
      .integer('score')
      .notNullable()
      .comment('0..10, likelihood to recommend the platform');
    table.text('comment').nullable().comment('Free text, optional');
    table
      .bigInteger('submitted_at')
      .notNullable()
      .comment('When it was answered (epoch ms)');
    table.boolean('demo').notNullable().comment('Seeded demo data');
    table.primary(['source', 'event_id']);
    table.index(['submitted_at'], 'devex_survey_responses_submitted_idx');
  });

  await knex.schema.createTable('devex_service_creations', table => {
    table.comment('When a service was created from which golden-path template');
    table.string('entity_ref', 255).primary().comment('The created component');
    table.string('template_ref', 255).nullable().comment('Template entity ref');
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('Task completion, or first seen in the catalog (epoch ms)');
    table
      .string('origin', 32)
      .notNullable()
      .comment('scaffolder-task | catalog (how created_at was learned)');
  });

  await knex.schema.createTable('devex_provisioning_requests', table => {
    table.comment(
      'Provisioning requests seen on topic provisioning.request, for the self-service ratio',
    );
    table
      .string('request_id', 200)
      .primary()
      .comment('Provisioning request id');
    table.string('state', 50).notNullable().comment('Latest state seen');
    table
      .boolean('human_step')
      .notNullable()
      .comment('True once any step needed a person (approval, manual fix)');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('Latest event time (epoch ms)');
  });

  await knex.schema.createTable('devex_github_commits', table => {
    table.comment(
      'Commits seen in GitHub push deliveries, so a deployment_status can list the commits it ships',
    );
    table
      .string('repository', 255)
      .notNullable()
      .comment('owner/repo, lower case');
    table.string('sha', 64).notNullable().comment('Commit sha');
    table
      .bigInteger('committed_at')
      .notNullable()
      .comment('Commit timestamp (epoch ms)');
    table.primary(['repository', 'sha']);
    table.index(
      ['repository', 'committed_at'],
      'devex_github_commits_recent_idx',
    );
  });

  await knex.schema.createTable('devex_installation_keys', table => {
    table.comment(
      'Keys generated once per installation, shared by all replicas',
    );
    table
      .string('name', 100)
      .primary()
      .comment('Key purpose, e.g. survey-pseudonym');
    table
      .string('value', 200)
      .notNullable()
      .comment('Random key material (never returned or logged)');
  });

  // Covering partial indexes let the organisation-wide reads run as index-only scans; PostgreSQL
  // only (INCLUDE), SQLite gets plain partial indexes.
  if (isPg) {
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_idx ON devex_deployments (finished_at) INCLUDE (failed, rework, demo, source) WHERE counted',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_service_idx ON devex_deployments (service_ref, finished_at) INCLUDE (failed, rework, demo, source) WHERE counted',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_failed_idx ON devex_deployments (finished_at) INCLUDE (recovered_at, service_ref) WHERE counted AND failed',
    );
    await knex.raw(
      'CREATE INDEX devex_commit_lead_times_service_idx ON devex_commit_lead_times (service_ref, deployed_at) INCLUDE (lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_commit_lead_times_bucket_idx ON devex_commit_lead_times (bucket, deployed_at) INCLUDE (lead_ms)',
    );
    await knex.raw(
      'CREATE INDEX devex_commit_lead_times_deployed_idx ON devex_commit_lead_times (deployed_at) INCLUDE (bucket) WHERE bucket IS NOT NULL',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_idx ON devex_deployments (finished_at) WHERE counted',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_service_idx ON devex_deployments (service_ref, finished_at) WHERE counted',
    );
    await knex.raw(
      'CREATE INDEX devex_commit_lead_times_service_idx ON devex_commit_lead_times (service_ref, deployed_at, lead_ms)',
    );
    await knex.raw(
      'CREATE INDEX devex_commit_lead_times_bucket_idx ON devex_commit_lead_times (bucket, deployed_at, lead_ms)',
    );
    await knex.raw(
      'CREATE INDEX devex_commit_lead_times_deployed_idx ON devex_commit_lead_times (deployed_at, bucket)',
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'devex_installation_keys',
    'devex_github_commits',
    'devex_provisioning_requests',
    'devex_service_creations',
    'devex_survey_responses',
    'devex_incidents',
    'devex_lead_time_histogram',
    'devex_commit_lead_times',
    'devex_deployment_commits',
    'devex_deployments',
  ]) {
    await knex.schema.dropTable(name);
  }
};
