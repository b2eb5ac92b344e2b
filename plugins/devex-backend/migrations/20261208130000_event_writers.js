// @ts-check

/**
 * Who wrote each event, and the source's own time of it. An event may be replaced only by the
 * principal that wrote it (a user cannot overwrite CI's deployment by reusing its (source, id)),
 * and a delivery older than the stored state never replaces it (GitHub may deliver out of order
 * or redeliver).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['devex_deployments', 'devex_incidents']) {
    await knex.schema.alterTable(table, t => {
      t.string('writer', 255)
        .nullable()
        .comment(
          'Principal that wrote the event (user:…, service:…, webhook:github, plugin:devex); null for events stored before writers were recorded, which only services may replace',
        );
      t.bigInteger('observed_at')
        .nullable()
        .comment(
          "The source's own time of this state (e.g. GitHub's updated_at, epoch ms); an older one does not replace it",
        );
    });
  }
  // The webhook and the demo seed are the only writers of their sources.
  for (const table of ['devex_deployments', 'devex_incidents']) {
    await knex(table)
      .where('source', 'github')
      .update({ writer: 'webhook:github' });
    await knex(table)
      .where('source', 'paved-demo')
      .update({ writer: 'plugin:devex' });
  }

  await knex.schema.createTable('devex_github_deliveries', table => {
    table.comment(
      'GitHub deliveries already applied (X-GitHub-Delivery), so a redelivery is not applied twice',
    );
    table.string('delivery_id', 100).primary().comment('X-GitHub-Delivery');
    table
      .bigInteger('received_at')
      .notNullable()
      .comment('When it was applied (epoch ms); old ones are forgotten');
    table.index(['received_at'], 'devex_github_deliveries_received_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('devex_github_deliveries');
  for (const table of ['devex_deployments', 'devex_incidents']) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('observed_at');
      t.dropColumn('writer');
    });
  }
};
