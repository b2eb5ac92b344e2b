// @ts-check

/**
 * Lead-time facts move from their own table onto the commit row of the deployment that first
 * shipped the commit. Ingest already looks commits up by (service_ref, sha) on
 * devex_deployment_commits; a second table keyed the same way doubled the randomly placed index
 * writes per commit, which dominated ingest time once the indexes outgrew memory.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPg = knex.client.config.client === 'pg';

  await knex.schema.alterTable('devex_deployment_commits', table => {
    table
      .boolean('first_production')
      .notNullable()
      .defaultTo(false)
      .comment(
        "Derived: this deployment is the first successful production deployment of the commit in its service (the commit's lead-time fact)",
      );
    table
      .bigInteger('deployed_at')
      .nullable()
      .comment('Derived, when first_production: the deployment finished_at');
    table
      .bigInteger('lead_ms')
      .nullable()
      .comment(
        'Derived, when first_production: deployed_at minus committed_at; may be <= 0 (then not a sample)',
      );
    table
      .integer('bucket')
      .nullable()
      .comment(
        'Derived: log-scale histogram bucket of lead_ms; null unless first_production with lead_ms > 0',
      );
  });

  await knex.raw(
    `UPDATE devex_deployment_commits AS c
        SET first_production = true, deployed_at = l.deployed_at, lead_ms = l.lead_ms,
            bucket = l.bucket
       FROM devex_commit_lead_times AS l
      WHERE l.service_ref = c.service_ref AND l.sha = c.sha
        AND l.deployment_source = c.source AND l.deployment_id = c.deployment_id`,
  );

  if (isPg) {
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_service_lead_idx ON devex_deployment_commits (service_ref, deployed_at) INCLUDE (lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_bucket_idx ON devex_deployment_commits (bucket, deployed_at) INCLUDE (lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_deployed_idx ON devex_deployment_commits (deployed_at) INCLUDE (bucket) WHERE bucket IS NOT NULL',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_service_lead_idx ON devex_deployment_commits (service_ref, deployed_at, lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_bucket_idx ON devex_deployment_commits (bucket, deployed_at, lead_ms) WHERE bucket IS NOT NULL',
    );
    await knex.raw(
      'CREATE INDEX devex_deployment_commits_deployed_idx ON devex_deployment_commits (deployed_at, bucket) WHERE bucket IS NOT NULL',
    );
  }
  await knex.schema.dropTable('devex_commit_lead_times');

  // The organisation-wide deployment counts now come from devex_deployment_days and a single
  // service's from devex_deployments_service_recent_idx; these two only slowed every insert.
  await knex.raw('DROP INDEX devex_deployments_counted_idx');
  await knex.raw('DROP INDEX devex_deployments_counted_service_idx');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const isPg = knex.client.config.client === 'pg';
  if (isPg) {
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_idx ON devex_deployments (finished_at) INCLUDE (failed, rework, demo, source) WHERE counted',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_service_idx ON devex_deployments (service_ref, finished_at) INCLUDE (failed, rework, demo, source) WHERE counted',
    );
  } else {
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_idx ON devex_deployments (finished_at) WHERE counted',
    );
    await knex.raw(
      'CREATE INDEX devex_deployments_counted_service_idx ON devex_deployments (service_ref, finished_at) WHERE counted',
    );
  }

  await knex.schema.createTable('devex_commit_lead_times', table => {
    table.comment(
      'Derived: per (service, commit) the first successful production deployment containing it',
    );
    table.string('service_ref', 255).notNullable();
    table.string('sha', 64).notNullable();
    table.string('deployment_source', 200).notNullable();
    table.string('deployment_id', 200).notNullable();
    table.bigInteger('deployed_at').notNullable();
    table.bigInteger('lead_ms').notNullable();
    table.integer('bucket').nullable();
    table.primary(['service_ref', 'sha']);
  });
  await knex.raw(
    `INSERT INTO devex_commit_lead_times
       (service_ref, sha, deployment_source, deployment_id, deployed_at, lead_ms, bucket)
     SELECT service_ref, sha, source, deployment_id, deployed_at, lead_ms, bucket
       FROM devex_deployment_commits WHERE first_production`,
  );
  const include = isPg ? ' INCLUDE (lead_ms)' : '';
  await knex.raw(
    `CREATE INDEX devex_commit_lead_times_service_idx ON devex_commit_lead_times (service_ref, deployed_at${
      isPg ? ')' : ', lead_ms)'
    }${include} WHERE bucket IS NOT NULL`,
  );
  await knex.raw(
    `CREATE INDEX devex_commit_lead_times_bucket_idx ON devex_commit_lead_times (bucket, deployed_at${
      isPg ? ')' : ', lead_ms)'
    }${include}`,
  );
  await knex.raw(
    `CREATE INDEX devex_commit_lead_times_deployed_idx ON devex_commit_lead_times (deployed_at${
      isPg ? ') INCLUDE (bucket)' : ', bucket)'
    } WHERE bucket IS NOT NULL`,
  );

  await knex.schema.alterTable('devex_deployment_commits', table => {
    table.dropIndex([], 'devex_deployment_commits_service_lead_idx');
    table.dropIndex([], 'devex_deployment_commits_bucket_idx');
    table.dropIndex([], 'devex_deployment_commits_deployed_idx');
    table.dropColumn('first_production');
    table.dropColumn('deployed_at');
    table.dropColumn('lead_ms');
    table.dropColumn('bucket');
  });
};
