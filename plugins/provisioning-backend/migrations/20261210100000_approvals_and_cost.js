// @ts-check

/**
 * Approvals and cost. Each approval of a request or of an operation on its database is a row (who,
 * when, their comment), one per person and subject, so an environment can require N approvals by
 * distinct people. Every request carries the monthly cost it was priced at when filed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('provisioning_approvals', table => {
    table.comment(
      'Approvals given to pending requests and operations, one row per approver and subject',
    );
    table
      .string('subject_type', 16)
      .notNullable()
      .comment('What was approved: request or operation');
    table
      .string('subject_id', 36)
      .notNullable()
      .comment('Id of the request or operation');
    table
      .string('approver', 255)
      .notNullable()
      .comment('User entity ref of the approver, lowercase');
    table.text('comment').nullable().comment('What the approver wrote');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the approval was given');
    // The same person approving twice counts once.
    table.primary(['subject_type', 'subject_id', 'approver']);
  });
  await knex.schema.alterTable('provisioning_requests', table => {
    table
      .decimal('monthly_cost', 12, 2)
      .nullable()
      .comment(
        'Estimated monthly cost from the price table when filed; null before this column existed',
      );
    table
      .string('cost_currency', 3)
      .nullable()
      .comment('ISO 4217 currency of monthly_cost');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('provisioning_requests', table => {
    table.dropColumn('monthly_cost');
    table.dropColumn('cost_currency');
  });
  await knex.schema.dropTable('provisioning_approvals');
};
