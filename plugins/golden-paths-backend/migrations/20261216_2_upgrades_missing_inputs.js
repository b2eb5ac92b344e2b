// @ts-check

/**
 * Upgrade proposals that wait for inputs: a new template version needs inputs a repository never
 * recorded and that have no default, so the proposal names them instead of rendering without.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('golden_paths_upgrades', table => {
    table
      .text('missing_inputs')
      .nullable()
      .comment(
        'JSON array of the inputs the new version needs that .paved/template.yaml does not record and that have no default (status needs-attention, no change request yet); null or [] otherwise',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('golden_paths_upgrades', table => {
    table.dropColumn('missing_inputs');
  });
};
