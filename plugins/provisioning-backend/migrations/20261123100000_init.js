// @ts-check

/**
 * Paved provisioning: database requests, their append-only audit trail, idempotency keys, the
 * per-team locks that make quota checks race-safe, and encrypted secrets.
 *
 * Timestamps are written by the plugin (never `now()` of the database) so SQLite and PostgreSQL
 * store and compare them the same way.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('provisioning_requests', table => {
    table.comment(
      'Requests for self-service databases, one row per request, kept after deletion',
    );
    table.string('id', 36).primary().comment('Request id (UUID v4)');
    table
      .string('type', 32)
      .notNullable()
      .comment('Database engine, e.g. postgresql');
    table
      .string('name', 63)
      .notNullable()
      .comment('DNS label chosen by the requester');
    table
      .string('owner', 255)
      .notNullable()
      .comment('Entity ref of the owning group');
    table
      .string('system', 255)
      .nullable()
      .comment('Entity ref of the system the database belongs to');
    table
      .string('component', 255)
      .nullable()
      .comment('Entity ref of the component that uses the database');
    table
      .string('environment', 32)
      .notNullable()
      .comment('development, staging, production or ephemeral');
    table.string('size', 16).notNullable().comment('small, medium or large');
    table
      .integer('storage_gb')
      .notNullable()
      .comment('Requested storage in GB, counted against the team quota');
    table.string('version', 16).nullable().comment('Engine major version');
    table
      .integer('ttl_hours')
      .nullable()
      .comment('Time to live of an ephemeral database, in hours');
    table
      .string('provider', 32)
      .notNullable()
      .comment(
        'Provider that creates the database: sandbox, crossplane or terraform',
      );
    table
      .string('status', 32)
      .notNullable()
      .comment('Lifecycle state; transitions are enforced by the store');
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('Entity ref of the user who filed the request');
    table
      .boolean('approval_required')
      .notNullable()
      .comment('Whether a platform-team approval was needed');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the request was filed');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('Last change of any column');
    table
      .timestamp('expires_at', { useTz: true })
      .nullable()
      .comment('When an ephemeral database expires');
    table
      .timestamp('expiry_notified_at', { useTz: true })
      .nullable()
      .comment(
        'When the owner was warned of the coming expiry (reset by an extension)',
      );
    table
      .text('outputs')
      .nullable()
      .comment('JSON connection facts of the ready database; never a password');
    table
      .text('failure_reason')
      .nullable()
      .comment('Why the request failed, for people');
    table
      .string('end_status', 32)
      .nullable()
      .comment('Final state once deprovisioning is done: deleted or expired');
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Failed provider calls in the current phase, for the backoff');
    table
      .timestamp('next_attempt_at', { useTz: true })
      .nullable()
      .comment(
        'Not processed before this time (backoff, polling); null means now',
      );
    table
      .timestamp('submitted_at', { useTz: true })
      .nullable()
      .comment(
        'When the provider accepted provision(); afterwards status() is polled',
      );
    table
      .string('lease_owner', 64)
      .nullable()
      .comment('Processor instance currently working on the request');
    table
      .timestamp('lease_expires_at', { useTz: true })
      .nullable()
      .comment('After this time another processor may take the request over');
    table.index(['status', 'next_attempt_at'], 'provisioning_requests_due_idx');
    table.index(
      ['owner', 'environment', 'name'],
      'provisioning_requests_name_idx',
    );
  });

  await knex.schema.createTable('provisioning_request_events', table => {
    table.comment(
      'Append-only audit trail of every request: who did what, when and why',
    );
    table.increments('id').comment('Monotonic event id, orders the trail');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('provisioning_requests')
      .comment('The request');
    table
      .string('actor', 255)
      .notNullable()
      .comment('User entity ref, or plugin:provisioning for the processor');
    table
      .string('action', 64)
      .notNullable()
      .comment(
        'What happened, e.g. created, approved, provision-attempt-failed',
      );
    table
      .string('from_status', 32)
      .nullable()
      .comment('State before, for transitions');
    table
      .string('to_status', 32)
      .nullable()
      .comment('State after, for transitions');
    table
      .text('message')
      .nullable()
      .comment(
        'Why: comment, provider message or failure reason; never a secret',
      );
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When it happened');
    table.index(
      ['request_id', 'id'],
      'provisioning_request_events_request_idx',
    );
  });

  await knex.schema.createTable('provisioning_idempotency_keys', table => {
    table.comment(
      'Idempotency-Key headers of create calls, so a retried POST returns the same request',
    );
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('User entity ref; keys are scoped per user');
    table
      .string('key', 255)
      .notNullable()
      .comment('The Idempotency-Key header value');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('provisioning_requests')
      .comment('The request the first call created');
    table
      .string('body_hash', 64)
      .notNullable()
      .comment(
        'SHA-256 of the first body; a reuse with another body is refused',
      );
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the key was first used');
    table.primary(['requested_by', 'key']);
  });

  await knex.schema.createTable('provisioning_team_locks', table => {
    table.comment(
      'One row per team, locked FOR UPDATE while a create checks quota and name, so concurrent creates of a team serialise',
    );
    table.string('owner', 255).primary().comment('Entity ref of the group');
  });

  await knex.schema.createTable('provisioning_secrets', table => {
    table.comment(
      'Generated credentials, AES-256-GCM encrypted, bound to their request id',
    );
    table
      .string('request_id', 36)
      .primary()
      .references('id')
      .inTable('provisioning_requests')
      .comment('The request');
    table
      .text('ciphertext')
      .notNullable()
      .comment('v1:<iv>:<tag>:<ciphertext>, base64; never plaintext');
    table
      .string('key_id', 64)
      .notNullable()
      .comment('Which encryption key was used: config or generated');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the secret was generated');
  });

  await knex.schema.createTable('provisioning_encryption_keys', table => {
    table.comment(
      'Encryption key generated on first start when provisioning.secrets.encryptionKey is not configured (development)',
    );
    table
      .string('id', 64)
      .primary()
      .comment('Key id referenced by provisioning_secrets.key_id');
    table.text('key').notNullable().comment('Base64 of 32 random bytes');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the key was generated');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('provisioning_encryption_keys');
  await knex.schema.dropTable('provisioning_secrets');
  await knex.schema.dropTable('provisioning_team_locks');
  await knex.schema.dropTable('provisioning_idempotency_keys');
  await knex.schema.dropTable('provisioning_request_events');
  await knex.schema.dropTable('provisioning_requests');
};
