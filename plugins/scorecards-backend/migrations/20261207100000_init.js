// @ts-check

/**
 * Scorecards storage. Times are epoch milliseconds (bigint) so PostgreSQL and SQLite compare and
 * index them alike. JSON is kept in text columns (portable across both).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_facts', table => {
    table.comment(
      'The latest value of each fact about each entity, from collectors and CI',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref, lower case');
    table
      .string('fact_id', 120)
      .notNullable()
      .comment('Dotted fact id, e.g. repo.hasRunbook');
    table
      .string('status', 16)
      .notNullable()
      .comment('known | unknown (then reason says why)');
    table
      .text('value')
      .nullable()
      .comment('The value as JSON; null when unknown');
    table
      .text('reason')
      .nullable()
      .comment('Why it is unknown, or what it was derived from');
    table
      .text('detail')
      .nullable()
      .comment('Structured detail as JSON, e.g. policy violations');
    table
      .string('source', 64)
      .notNullable()
      .comment('Collector that produced it: catalog, repository, ci...');
    table
      .bigInteger('observed_at')
      .notNullable()
      .comment('When it was observed (epoch ms)');
    table.primary(['entity_ref', 'fact_id']);
  });

  await knex.schema.createTable('scorecards_entities', table => {
    table.comment(
      'Each catalog entity scorecards measure, with its latest evaluation',
    );
    table.string('entity_ref', 255).primary().comment('Entity ref, lower case');
    table.string('kind', 63).notNullable().comment('Entity kind, lower case');
    table
      .string('title', 255)
      .nullable()
      .comment('metadata.title or name, for lists');
    table
      .string('owner', 255)
      .nullable()
      .comment('spec.owner as a full entity ref, lower case');
    table
      .string('catalog_etag', 255)
      .nullable()
      .comment(
        'metadata.etag when its facts were last collected; a change means collect again',
      );
    table
      .bigInteger('collected_at')
      .nullable()
      .comment('When its facts were last collected (epoch ms)');
    table
      .bigInteger('evaluated_at')
      .nullable()
      .comment('When its checks were last evaluated (epoch ms)');
    table
      .text('results')
      .nullable()
      .comment('JSON: check id -> result (status, reason, value)');
    table
      .text('levels')
      .nullable()
      .comment('JSON: scorecard id -> level (bronze | silver | gold | null)');
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(true)
      .comment('Facts changed since the last evaluation');
    table.index(['owner'], 'scorecards_entities_owner_idx');
    table.index(['stale'], 'scorecards_entities_stale_idx');
  });

  await knex.schema.createTable('scorecards_rollups', table => {
    table.comment(
      'Daily roll-up of levels per scorecard, for the organisation and each team (history)',
    );
    table
      .string('scope', 255)
      .notNullable()
      .comment('organization, or the group entity ref of a team');
    table.string('scorecard_id', 63).notNullable().comment('The scorecard');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .text('levels')
      .notNullable()
      .comment('JSON: entities per level (none, bronze, silver, gold)');
    table
      .integer('met')
      .notNullable()
      .comment('Met (passing or exempt) check results');
    table
      .integer('applicable')
      .notNullable()
      .comment('Check results that applied');
    table.primary(['scope', 'scorecard_id', 'day']);
  });

  await knex.schema.createTable('scorecards_exemptions', table => {
    table.comment(
      'Requests by owners to leave a check out for an entity until a date, and their review',
    );
    table.string('id', 36).primary().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref, lower case');
    table.string('check_id', 63).notNullable().comment('The check exempted');
    table.text('reason').notNullable().comment('Why the owner asks for it');
    table
      .bigInteger('expires_at')
      .notNullable()
      .comment('Until when it applies (epoch ms)');
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('User entity ref of the requester');
    table
      .bigInteger('requested_at')
      .notNullable()
      .comment('When it was asked for (epoch ms)');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | approved | rejected (expired is derived)');
    table
      .string('reviewed_by', 255)
      .nullable()
      .comment('User entity ref of the platform-team reviewer');
    table
      .bigInteger('reviewed_at')
      .nullable()
      .comment('When it was reviewed (epoch ms)');
    table.text('review_comment').nullable().comment('Comment of the reviewer');
    table.index(['entity_ref'], 'scorecards_exemptions_entity_idx');
    table.index(['status'], 'scorecards_exemptions_status_idx');
  });

  await knex.schema.createTable('scorecards_campaigns', table => {
    table.comment(
      'Pushes to make one check pass on a set of entities by a deadline',
    );
    table.string('id', 36).primary().comment('UUID');
    table.string('title', 120).notNullable().comment('Title');
    table
      .text('description')
      .notNullable()
      .comment('What and why, in Markdown');
    table
      .string('check_id', 63)
      .notNullable()
      .comment('The check to make pass');
    table
      .text('target')
      .notNullable()
      .comment('JSON: owners, kinds and/or entityRefs');
    table
      .bigInteger('deadline')
      .notNullable()
      .comment('When it should be done (epoch ms)');
    table
      .string('created_by', 255)
      .notNullable()
      .comment('User entity ref of its creator');
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('Creation time (epoch ms)');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('Last change (epoch ms)');
    table
      .bigInteger('notified_at')
      .nullable()
      .comment('When owners were last notified (epoch ms)');
  });

  await knex.schema.createTable('scorecards_campaign_progress', table => {
    table.comment('Daily progress of each campaign (history)');
    table
      .string('campaign_id', 36)
      .notNullable()
      .references('id')
      .inTable('scorecards_campaigns')
      .onDelete('CASCADE')
      .comment('The campaign');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .integer('done')
      .notNullable()
      .comment('Target entities where the check is met');
    table
      .integer('total')
      .notNullable()
      .comment('Target entities the check applies to');
    table.primary(['campaign_id', 'day']);
  });

  await knex.schema.createTable('scorecards_fix_attempts', table => {
    table.comment(
      'What "Fix it" started: a scaffolder task or change request, until it ends',
    );
    table.string('id', 36).primary().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref, lower case');
    table.string('check_id', 63).notNullable().comment('The failing check');
    table
      .string('fixer_id', 63)
      .notNullable()
      .comment('The fixer that was started');
    table
      .string('status', 16)
      .notNullable()
      .comment('started | completed | failed');
    table
      .string('started_by', 255)
      .notNullable()
      .comment('User entity ref who clicked Fix it');
    table.bigInteger('started_at').notNullable().comment('When (epoch ms)');
    table
      .bigInteger('finished_at')
      .nullable()
      .comment('When it completed or failed (epoch ms)');
    table
      .string('external_id', 255)
      .nullable()
      .comment('Id the fixer gave it, e.g. the scaffolder task id');
    table.text('url').nullable().comment('Where to follow it');
    table
      .text('message')
      .nullable()
      .comment('What the fixer said, e.g. why it failed');
    table.index(['entity_ref'], 'scorecards_fix_attempts_entity_idx');
    table.index(['status'], 'scorecards_fix_attempts_status_idx');
  });

  await knex.schema.createTable('scorecards_source_etags', table => {
    table.comment(
      'Etags of what collectors last read per entity (e.g. a repository tree), to skip unchanged sources',
    );
    table.string('collector', 64).notNullable().comment('Collector id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref, lower case');
    table.string('etag', 255).notNullable().comment('Etag of the source');
    table.primary(['collector', 'entity_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_source_etags');
  await knex.schema.dropTable('scorecards_fix_attempts');
  await knex.schema.dropTable('scorecards_campaign_progress');
  await knex.schema.dropTable('scorecards_campaigns');
  await knex.schema.dropTable('scorecards_exemptions');
  await knex.schema.dropTable('scorecards_rollups');
  await knex.schema.dropTable('scorecards_entities');
  await knex.schema.dropTable('scorecards_facts');
};
