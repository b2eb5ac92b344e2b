// @ts-check

/**
 * Merge requests on the local git host. Times are epoch milliseconds (bigint) so PostgreSQL and
 * SQLite compare and index them alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('githost_merge_requests', table => {
    table.comment(
      'Merge requests on the local git host: a proposal to merge a source branch into a target branch of one repository',
    );
    table
      .string('repository', 100)
      .notNullable()
      .comment('Repository name on the local git host (<name>.git)');
    table
      .integer('id')
      .notNullable()
      .comment('Number of the merge request within its repository, from 1');
    table
      .string('source_branch', 200)
      .notNullable()
      .comment('Branch whose commits are proposed');
    table
      .string('target_branch', 200)
      .notNullable()
      .comment('Branch they are proposed for, usually the default branch');
    table.string('title', 255).notNullable().comment('One-line title');
    table
      .text('description')
      .notNullable()
      .comment('Markdown description, may be empty');
    table
      .string('author', 255)
      .notNullable()
      .comment('Who opened it: a user entity ref or plugin:<id>');
    table
      .string('state', 16)
      .notNullable()
      .comment('open | merged | closed (merged and closed are final)');
    table
      .boolean('conflicted')
      .notNullable()
      .defaultTo(false)
      .comment(
        'Set by the opener when the source holds conflict markers (needs attention)',
      );
    table
      .string('source_commit', 64)
      .notNullable()
      .comment('Head of the source branch when it was opened');
    table
      .string('merge_commit', 64)
      .nullable()
      .comment('The merge commit on the target branch, once merged');
    table
      .string('merged_by', 255)
      .nullable()
      .comment('User entity ref of who merged it');
    table
      .string('closed_by', 255)
      .nullable()
      .comment('Who closed it without merging');
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('When it was opened (epoch ms)');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('When its state last changed (epoch ms)');
    table.primary(['repository', 'id']);
  });
  // One open merge request per source branch of a repository: opening twice (a retried task, two
  // replicas) finds the first instead of adding a second. Partial indexes work on both databases.
  await knex.raw(
    `CREATE UNIQUE INDEX githost_merge_requests_one_open ON githost_merge_requests (repository, source_branch) WHERE state = 'open'`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('githost_merge_requests');
};
