// @ts-check

/**
 * The self-service ratio counted a request as automated only while its latest state was `ready`,
 * so a sandbox database deleted after use stopped counting. What decides is how the request
 * reached `ready`: recorded at that moment and kept, whatever happens to the request later.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('devex_provisioning_requests', table => {
    table
      .bigInteger('fulfilled_at')
      .nullable()
      .comment(
        'When the request first reached ready (epoch ms); null if never',
      );
    table
      .boolean('automated')
      .notNullable()
      .defaultTo(false)
      .comment(
        'Reached ready with no person having to act on the way (self-service); never reset',
      );
  });
  // Requests that are ready now reached it; the ones deleted since cannot be told apart any more.
  await knex('devex_provisioning_requests')
    .where('state', 'ready')
    .update({ fulfilled_at: knex.ref('updated_at') });
  await knex('devex_provisioning_requests')
    .where('state', 'ready')
    .where('human_step', false)
    .update({ automated: true });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('devex_provisioning_requests', table => {
    table.dropColumn('automated');
    table.dropColumn('fulfilled_at');
  });
};
