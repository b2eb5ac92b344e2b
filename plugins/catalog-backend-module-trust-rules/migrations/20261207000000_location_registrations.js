// @ts-check

/**
 * Who registered each catalog location, so the catalog can check, every time it processes the
 * location, that its entities are owned by a team of that person.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('paved_location_registrations', table => {
    table.comment(
      'Who registered each catalog location through POST /locations (Paved trust rules)',
    );
    table
      .string('location_ref', 2048)
      .primary()
      .comment('The location as <type>:<target>, e.g. url:https://host/repo/catalog-info.yaml');
    table
      .string('registered_by', 512)
      .notNullable()
      .comment('Entity ref of the user, or subject of the service, that registered it');
    table
      .text('ownership_refs')
      .nullable()
      .comment(
        'JSON array of the registrant\'s ownership entity refs at registration; null for a service (no restriction)',
      );
    table
      .timestamp('registered_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When it was registered');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('paved_location_registrations');
};
