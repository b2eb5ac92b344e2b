// @ts-check

/**
 * The portal's own readiness, probed once a minute by the scheduler (one replica at a time). A
 * minute without a row was not probed: the portal counts it as down.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('devex_availability_probes', table => {
    table.comment(
      'One probe of the backend readiness endpoint per minute; a missing minute counts as down',
    );
    table
      .bigInteger('minute')
      .primary()
      .comment('Start of the minute probed (epoch ms, a multiple of 60000)');
    table
      .boolean('up')
      .notNullable()
      .comment('The readiness endpoint answered 200 within the timeout');
    table
      .integer('status_code')
      .nullable()
      .comment('HTTP status answered; null when there was no answer');
    table
      .integer('latency_ms')
      .nullable()
      .comment('Time to the answer in ms; null when there was no answer');
    table
      .bigInteger('probed_at')
      .notNullable()
      .comment('When the probe was sent (epoch ms)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_availability_probes');
};
