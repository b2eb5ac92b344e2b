// @ts-check

/**
 * Feedback given in the portal (rating, category, comment, the page and the last action), and
 * the per-person allowance that keeps one person from flooding it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('devex_feedback', table => {
    table.comment('Feedback given through the control on every portal page');
    table.increments('id').comment('Surrogate key');
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('Entity ref of the signed-in person who gave it');
    table.integer('rating').notNullable().comment('1 (bad) to 5 (good)');
    table
      .string('category', 50)
      .notNullable()
      .comment('One of the categories fixed in @paved/plugin-devex-common');
    table.text('comment').nullable().comment('Free text, capped in length');
    table
      .string('page', 300)
      .notNullable()
      .comment('Portal path the feedback was given on (no query or fragment)');
    table
      .string('last_action', 200)
      .nullable()
      .comment('What the person last did on the page, as the portal described it');
    table
      .bigInteger('submitted_at')
      .notNullable()
      .comment('When it was received (epoch ms)');
    table
      .string('dedupe_key', 64)
      .notNullable()
      .unique()
      .comment(
        'sha256 of person, page, rating, category, comment and 10-minute slot: the same feedback sent twice is stored once',
      );
    table.index(['submitted_at'], 'devex_feedback_submitted_idx');
  });

  await knex.schema.createTable('devex_feedback_allowance', table => {
    table.comment(
      'How much feedback each person sent in the current window (rate limit, shared by replicas)',
    );
    table.string('user_ref', 255).primary().comment('Entity ref of the person');
    table
      .bigInteger('window_start')
      .notNullable()
      .comment('Start of the current window (epoch ms)');
    table
      .integer('used')
      .notNullable()
      .comment('Feedback accepted from the person in that window');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_feedback_allowance');
  await knex.schema.dropTable('devex_feedback');
};
