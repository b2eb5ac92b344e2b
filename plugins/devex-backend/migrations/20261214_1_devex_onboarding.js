// @ts-check

/**
 * Time to onboard: who wrote each change and who triggered each deployment (as sent: a user
 * entity ref or a login, matched to a User when onboarding is asked for, so users the catalog
 * learns of later still match), and when DevEx first saw each User entity in the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('devex_changes', table => {
    table
      .string('author', 200)
      .nullable()
      .comment(
        'Who wrote the change, lower case: a user entity ref or a login; null when not sent',
      );
    table.index(['author', 'merged_at'], 'devex_changes_author_idx');
  });
  await knex.schema.alterTable('devex_deployments', table => {
    table
      .string('triggered_by', 200)
      .nullable()
      .comment(
        'Who started the deployment, lower case: a user entity ref or a login; null when not sent',
      );
    table.index(['triggered_by', 'finished_at'], 'devex_deployments_actor_idx');
  });
  await knex.schema.createTable('devex_user_first_seen', table => {
    table.comment(
      'When DevEx first saw each User entity in the catalog: the start of onboarding without paved.dev/start-date',
    );
    table
      .string('user_ref', 255)
      .primary()
      .comment('Entity ref of the user, lower case');
    table
      .bigInteger('first_seen_at')
      .notNullable()
      .comment('When DevEx first saw the user in the catalog (epoch ms)');
    table
      .boolean('before_tracking')
      .notNullable()
      .comment(
        'Seen by the very first look: already in the catalog before tracking began, so the real first appearance is unknown',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_user_first_seen');
  await knex.schema.alterTable('devex_deployments', table => {
    table.dropIndex(
      ['triggered_by', 'finished_at'],
      'devex_deployments_actor_idx',
    );
    table.dropColumn('triggered_by');
  });
  await knex.schema.alterTable('devex_changes', table => {
    table.dropIndex(['author', 'merged_at'], 'devex_changes_author_idx');
    table.dropColumn('author');
  });
};
