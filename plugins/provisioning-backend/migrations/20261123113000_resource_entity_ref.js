// @ts-check

/**
 * The catalog entity ref of a ready request's Resource, fixed when the request becomes ready so it
 * never changes afterwards (links, bookmarks and relations keep working).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('provisioning_requests', table => {
    table
      .string('resource_entity_ref', 255)
      .nullable()
      .comment(
        'Entity ref of the catalog Resource delivered for the ready database',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('provisioning_requests', table => {
    table.dropColumn('resource_entity_ref');
  });
};
