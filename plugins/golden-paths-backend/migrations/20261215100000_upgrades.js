// @ts-check

/**
 * Template upgrade proposals. Times are epoch milliseconds (bigint) so PostgreSQL and SQLite
 * compare and index them alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_paths_upgrades', table => {
    table.comment(
      "Proposals to upgrade a component to a newer version of its template: a branch merging the new template output, and a change request for it",
    );
    table.string('id', 36).primary().comment('UUID of the proposal');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The component, e.g. component:default/orders');
    table
      .string('template_ref', 255)
      .notNullable()
      .comment('The template it was made from');
    table
      .string('from_version', 50)
      .notNullable()
      .comment('Version recorded in the repository when proposed');
    table
      .string('to_version', 50)
      .notNullable()
      .comment('Template version proposed');
    table
      .string('status', 20)
      .notNullable()
      .comment('proposing | open | needs-attention | merged | closed | failed');
    table
      .string('active_key', 320)
      .nullable()
      .unique()
      .comment(
        '<entity_ref>@<to_version> while the proposal is active (proposing, open, needs-attention), else null: at most one active proposal per component and version',
      );
    table
      .string('change_key', 400)
      .nullable()
      .index()
      .comment(
        'Identifies the change request for its events, e.g. local:<repository>!<id>',
      );
    table.text('change_url').nullable().comment('Page of the change request');
    table
      .text('conflicts')
      .notNullable()
      .comment('JSON array of the files committed with conflict markers');
    table
      .text('error')
      .nullable()
      .comment(
        'Why a failed proposal failed (no secrets: git and API messages are redacted)',
      );
    table
      .string('created_by', 255)
      .notNullable()
      .comment(
        'A user entity ref, or plugin:golden-paths for the scheduled run',
      );
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('When proposed, epoch milliseconds');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('Last status change, epoch milliseconds');
    table.index(
      ['entity_ref', 'created_at'],
      'golden_paths_upgrades_entity_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_paths_upgrades');
};
