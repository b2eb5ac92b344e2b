// @ts-check

/**
 * Service creations now come from the golden paths' service-created event
 * (`golden-paths.service-created`), which carries the template's version: kept for comparisons
 * per template version.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('devex_service_creations', table => {
    table
      .string('template_version', 50)
      .nullable()
      .comment("The template's version at creation, when known");
  });
  await knex('devex_service_creations')
    .where('origin', 'scaffolder-task')
    .update({ origin: 'golden-path' });
  // SQLite keeps no column comments.
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `COMMENT ON COLUMN devex_service_creations.origin IS 'golden-path | catalog (how created_at was learned)'`,
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('devex_service_creations')
    .where('origin', 'golden-path')
    .update({ origin: 'scaffolder-task' });
  await knex.schema.alterTable('devex_service_creations', table => {
    table.dropColumn('template_version');
  });
};
