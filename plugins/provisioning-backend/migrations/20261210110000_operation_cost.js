// @ts-check

/**
 * The cost of an operation, priced when it was asked for: the database's monthly cost after it and
 * the change it makes (only a resize changes it). A done resize also moves its request's cost.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('provisioning_operations', table => {
    table
      .decimal('monthly_cost', 12, 2)
      .nullable()
      .comment('Monthly cost of the database after the operation');
    table
      .decimal('cost_change', 12, 2)
      .nullable()
      .comment('What the operation adds to the monthly cost (negative: saves)');
    table
      .string('cost_currency', 3)
      .nullable()
      .comment('ISO 4217 currency of monthly_cost and cost_change');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('provisioning_operations', table => {
    table.dropColumn('monthly_cost');
    table.dropColumn('cost_change');
    table.dropColumn('cost_currency');
  });
};
