// @ts-check

/**
 * Provisioning per week: when a request first failed (success rate) and every state change as an
 * action, with who did it (automated vs manual actions).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('devex_provisioning_requests', table => {
    table
      .bigInteger('failed_at')
      .nullable()
      .comment('When the request first reached failed (epoch ms); null if never');
  });
  await knex('devex_provisioning_requests')
    .where('state', 'failed')
    .update({ failed_at: knex.ref('updated_at') });

  await knex.schema.createTable('devex_provisioning_actions', table => {
    table.comment(
      'Every state change of a provisioning request as provisioning announced it, with who acted',
    );
    table.string('request_id', 100).notNullable().comment('Provisioning request id');
    table
      .string('action', 100)
      .notNullable()
      .comment('What happened, e.g. created, approved, provisioned, failed');
    table
      .bigInteger('occurred_at')
      .notNullable()
      .comment("When it happened (epoch ms), the publisher's own time");
    table
      .string('status', 50)
      .notNullable()
      .comment('State of the request after the action');
    table
      .string('actor_kind', 20)
      .notNullable()
      .comment(
        'platform (the backend acted by itself), requester (the person who filed the request) or person (anyone else: approvals, manual steps)',
      );
    // A redelivered event is the same action: stored once.
    table.primary(['request_id', 'action', 'occurred_at']);
    table.index(['occurred_at'], 'devex_provisioning_actions_occurred_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_provisioning_actions');
  await knex.schema.alterTable('devex_provisioning_requests', table => {
    table.dropColumn('failed_at');
  });
};
