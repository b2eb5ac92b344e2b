// @ts-check

/**
 * Catalog entity refs of provisioned Resources are unique: two requests can never be delivered as
 * the same entity (issue 19). Refs that older releases cut to 63 characters and so gave to two
 * requests are resolved first: the earliest request keeps its ref, each later one gets its name with
 * the first 12 hex digits of its id, which no other request can hold.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const rows = await knex('provisioning_requests')
    .whereNotNull('resource_entity_ref')
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('id', 'resource_entity_ref');
  const seen = new Set();
  for (const row of rows) {
    if (!seen.has(row.resource_entity_ref)) {
      seen.add(row.resource_entity_ref);
      continue;
    }
    const [prefix, name] = row.resource_entity_ref.split('/');
    const suffix = row.id.replace(/-/g, '').slice(0, 12);
    const renamed = `${prefix}/${name
      .slice(0, 63 - suffix.length - 1)
      .replace(/-+$/, '')}-${suffix}`;
    await knex('provisioning_requests')
      .where({ id: row.id })
      .update({ resource_entity_ref: renamed });
    seen.add(renamed);
  }
  await knex.schema.alterTable('provisioning_requests', table => {
    table.unique(['resource_entity_ref'], {
      indexName: 'provisioning_requests_resource_entity_ref_uniq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('provisioning_requests', table => {
    table.dropUnique(
      ['resource_entity_ref'],
      'provisioning_requests_resource_entity_ref_uniq',
    );
  });
};
