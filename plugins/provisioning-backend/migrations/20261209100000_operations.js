// @ts-check

/**
 * Operations on ready databases (resize, credential rotation, extension, snapshot, restore): one
 * row per operation with its own processing lease, the idempotency keys of their creation, the
 * snapshots they took, and a link from the request's audit trail to the operation an entry
 * belongs to. Timestamps are written by the plugin, as in the first migration.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('provisioning_operations', table => {
    table.comment(
      'Changes to a ready database, each tracked like a request: approval, processing, outcome',
    );
    table.string('id', 36).primary().comment('Operation id (UUID v4)');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('provisioning_requests')
      .comment('The request whose database is changed');
    table
      .string('type', 32)
      .notNullable()
      .comment('resize, rotate-credentials, extend, snapshot or restore');
    table
      .string('status', 32)
      .notNullable()
      .comment('awaiting-approval, in-progress, done, failed or rejected');
    table
      .string('phase', 32)
      .nullable()
      .comment(
        'Step of an in-progress operation: apply, safety-snapshot or grace',
      );
    table
      .text('parameters')
      .notNullable()
      .comment('JSON of what was asked (type and its fields); never a secret');
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('User entity ref of who asked for it');
    table
      .boolean('approval_required')
      .notNullable()
      .comment('Whether the policy required an approval');
    table
      .text('approval_reasons')
      .nullable()
      .comment('JSON list of the rules that required the approval');
    table
      .text('planned_change')
      .nullable()
      .comment(
        'Unified diff a GitOps provider will commit, shown before approval',
      );
    table
      .text('result')
      .nullable()
      .comment('JSON of the outcome (new expiry, snapshot id, grace end)');
    table
      .text('failure_reason')
      .nullable()
      .comment('Why the operation failed or was rejected');
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Failed attempts of the current phase');
    table
      .timestamp('next_attempt_at', { useTz: true })
      .nullable()
      .comment(
        'When processing is due next (a retry, or the end of a grace period)',
      );
    table
      .string('lease_owner', 255)
      .nullable()
      .comment('Processor instance that holds the operation');
    table
      .timestamp('lease_expires_at', { useTz: true })
      .nullable()
      .comment('When the lease runs out and another processor may resume');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When it was asked for');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('Last change');
    table.index(
      ['request_id', 'created_at'],
      'provisioning_operations_request_idx',
    );
    table.index(
      ['status', 'next_attempt_at'],
      'provisioning_operations_due_idx',
    );
  });

  await knex.schema.createTable(
    'provisioning_operation_idempotency_keys',
    table => {
      table.comment(
        'Idempotency-Key headers of operation creates, so a retried POST returns the same operation',
      );
      table
        .string('requested_by', 255)
        .notNullable()
        .comment('User entity ref; keys are scoped per user and request');
      table
        .string('request_id', 36)
        .notNullable()
        .comment('The request the operation is on');
      table
        .string('key', 255)
        .notNullable()
        .comment('The Idempotency-Key header value');
      table
        .string('operation_id', 36)
        .notNullable()
        .references('id')
        .inTable('provisioning_operations')
        .comment('The operation the first call created');
      table
        .string('body_hash', 64)
        .notNullable()
        .comment('SHA-256 of the first body; reuse with another is refused');
      table
        .timestamp('created_at', { useTz: true })
        .notNullable()
        .comment('When the key was first used');
      table.primary(['requested_by', 'request_id', 'key']);
    },
  );

  await knex.schema.createTable('provisioning_snapshots', table => {
    table.comment('Point-in-time copies of request databases');
    table.string('id', 36).primary().comment('Snapshot id (UUID v4)');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('provisioning_requests')
      .comment('The request whose database was copied');
    table
      .string('operation_id', 36)
      .notNullable()
      .references('id')
      .inTable('provisioning_operations')
      .comment('The snapshot or restore operation that took it');
    table
      .string('kind', 16)
      .notNullable()
      .comment('manual, or safety when a restore took it first');
    table.string('label', 100).nullable().comment('Label given by the user');
    table
      .text('location')
      .notNullable()
      .comment('Where the provider keeps it (file path, cloud id); internal');
    table
      .bigInteger('size_bytes')
      .notNullable()
      .comment('Size of the snapshot in bytes');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When it was taken');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('When the retention policy removes it');
    table
      .timestamp('deleted_at', { useTz: true })
      .nullable()
      .comment('When it was removed (expired or its database deleted)');
    table.index(['request_id', 'created_at'], 'provisioning_snapshots_req_idx');
  });

  await knex.schema.alterTable('provisioning_request_events', table => {
    table
      .string('operation_id', 36)
      .nullable()
      .comment('The operation this entry belongs to, if any');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('provisioning_request_events', table => {
    table.dropColumn('operation_id');
  });
  await knex.schema.dropTable('provisioning_snapshots');
  await knex.schema.dropTable('provisioning_operation_idempotency_keys');
  await knex.schema.dropTable('provisioning_operations');
};
