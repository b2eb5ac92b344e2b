// @ts-check

/**
 * Survey answers come only from signed-in people (`POST /surveys`, source `portal`) and the demo
 * seed (`paved-demo`). Answers that arrived as `type: "survey"` events named their respondent in
 * the body, so anyone could stuff the ballot: they are removed, not trusted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('devex_survey_responses')
    .whereNotIn('source', ['portal', 'paved-demo'])
    .delete();
};

/** Removed answers cannot be brought back. */
exports.down = async function down() {};
