// @ts-check

/**
 * Settings the platform team changes in the portal for the whole organisation (first: which DORA
 * report's level bands judge the metrics). Configuration gives the default.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('devex_organisation_settings', table => {
    table.comment(
      'Organisation-wide DevEx settings chosen in the portal; configuration holds the defaults',
    );
    table.string('name', 100).primary().comment('Setting name, e.g. level-bands');
    table.text('value').notNullable().comment('The chosen value');
    table
      .string('updated_by', 255)
      .notNullable()
      .comment('Entity ref of the person who chose it');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('When it was chosen (epoch ms)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_organisation_settings');
};
