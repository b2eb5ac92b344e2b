// @ts-check

/**
 * Transient failures are retried until a deadline (`provisioning.processing.retryDeadline`)
 * counted from the first failure of a run of failures, not for a fixed number of attempts: each
 * request and operation remembers when its current run of failures began. The lease owner columns
 * now hold a token per claim (a UUID), so a processor's writes are fenced by that claim.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['provisioning_requests', 'provisioning_operations']) {
    await knex.schema.alterTable(table, t => {
      t.timestamp('failing_since', { useTz: true })
        .nullable()
        .comment(
          'When the current run of failed attempts began (null: the last attempt did not fail); retries stop at this plus the retry deadline',
        );
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of ['provisioning_requests', 'provisioning_operations']) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('failing_since');
    });
  }
};
