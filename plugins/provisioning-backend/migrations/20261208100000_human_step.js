// @ts-check

/**
 * Whether a person other than the requester acted on a request (an approval, a rejection, a
 * manual step): announced as `humanStep` on the provisioning event topic, where DevEx counts
 * self-service requests. Stored, so it never turns false again, even after a delete.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('provisioning_requests', table => {
    table
      .boolean('human_step')
      .notNullable()
      .defaultTo(false)
      .comment(
        'True once a person other than the requester approved, rejected or did a manual step',
      );
  });
  // Requests reviewed before this column existed: an approval or rejection by someone else.
  await knex('provisioning_requests')
    .whereExists(
      knex('provisioning_request_events')
        .select(knex.raw('1'))
        .whereRaw(
          'provisioning_request_events.request_id = provisioning_requests.id',
        )
        .whereIn('provisioning_request_events.action', ['approved', 'rejected'])
        .whereRaw(
          'provisioning_request_events.actor <> provisioning_requests.requested_by',
        ),
    )
    .update({ human_step: true });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('provisioning_requests', table => {
    table.dropColumn('human_step');
  });
};
