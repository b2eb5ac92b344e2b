// @ts-check

/**
 * Notifications of upgrade proposals: which notice the owners already received, so a scheduler
 * re-run (or a second replica) does not tell them twice.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('golden_paths_upgrades', table => {
    table
      .string('notified', 40)
      .nullable()
      .comment(
        'The last notice sent to the owners about this proposal (opened | conflicts | missing-inputs), null before the first; set before sending and cleared again when sending fails',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('golden_paths_upgrades', table => {
    table.dropColumn('notified');
  });
};
