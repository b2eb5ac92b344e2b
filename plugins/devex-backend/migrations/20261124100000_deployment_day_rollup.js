// @ts-check

/**
 * An organisation-wide daily rollup of DORA deployments, so a 90-day organisation query reads
 * about 90 rows instead of every deployment in the window. Maintained at ingest (see
 * KnexIngestStore); filled here from the deployments an existing installation already holds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('devex_deployment_days', table => {
    table.comment(
      'Derived: successful production deployments per UTC day and source, organisation-wide',
    );
    table
      .integer('day')
      .notNullable()
      .comment('UTC day number of finished_at (epoch ms / 86400000)');
    table
      .string('source', 200)
      .notNullable()
      .comment('Event source of the deployments');
    table
      .integer('deployments')
      .notNullable()
      .comment('Deployments that count for DORA (production, success)');
    table
      .integer('rework')
      .notNullable()
      .comment('Of those, rollbacks, hotfixes and remediations');
    table
      .integer('failed')
      .notNullable()
      .comment('Of those, deployments that caused a failure');
    table.primary(['day', 'source']);
  });

  // Integer division is the floor for the positive epoch times stored here, on both databases.
  await knex.raw(
    `INSERT INTO devex_deployment_days (day, source, deployments, rework, failed)
     SELECT finished_at / 86400000, source, count(*),
            sum(CASE WHEN rework THEN 1 ELSE 0 END), sum(CASE WHEN failed THEN 1 ELSE 0 END)
       FROM devex_deployments
      WHERE counted
      GROUP BY finished_at / 86400000, source`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_deployment_days');
};
