import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'crypto';
import { Knex } from 'knex';
import type { RequestSecretStore } from '@paved/plugin-provisioning-node';

const SECRETS = 'provisioning_secrets';
const KEYS = 'provisioning_encryption_keys';
const GENERATED_KEY_ID = 'generated-v1';

/**
 * AES-256-GCM encryption of secrets at rest, with the request id as additional authenticated data
 * so a ciphertext copied to another request does not decrypt.
 *
 * The key is `provisioning.secrets.encryptionKey` when configured (hashed to 32 bytes with
 * SHA-256). Without it, a random key is generated once and kept in the plugin's own database:
 * that protects against secrets leaking through logs, exports or backups of the request table
 * alone, not against someone who can read the whole database; production configures the key.
 */
export class KnexRequestSecretStore implements RequestSecretStore {
  static async create(options: {
    db: Knex;
    encryptionKey?: string;
    now?: () => Date;
  }): Promise<KnexRequestSecretStore> {
    const now = options.now ?? (() => new Date());
    if (options.encryptionKey) {
      const key = createHash('sha256').update(options.encryptionKey).digest();
      const keyId = `config-${createHash('sha256')
        .update(key)
        .digest('hex')
        .slice(0, 12)}`;
      return new KnexRequestSecretStore(options.db, key, keyId, now);
    }
    // Insert-if-absent then read: replicas starting together end up with the same key.
    await options
      .db(KEYS)
      .insert({
        id: GENERATED_KEY_ID,
        key: randomBytes(32).toString('base64'),
        created_at: now(),
      })
      .onConflict('id')
      .ignore();
    const row = await options.db(KEYS).where({ id: GENERATED_KEY_ID }).first();
    return new KnexRequestSecretStore(
      options.db,
      Buffer.from(row.key, 'base64'),
      GENERATED_KEY_ID,
      now,
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly key: Buffer,
    private readonly keyId: string,
    private readonly now: () => Date,
  ) {}

  async getOrCreate(requestId: string, generate: () => string) {
    await this.db(SECRETS)
      .insert({
        request_id: requestId,
        ciphertext: this.encrypt(requestId, generate()),
        key_id: this.keyId,
        created_at: this.now(),
      })
      .onConflict('request_id')
      .ignore();
    const secret = await this.get(requestId);
    if (secret === undefined) {
      throw new Error(`Secret of request ${requestId} could not be stored`);
    }
    return secret;
  }

  async get(requestId: string): Promise<string | undefined> {
    const row = await this.db(SECRETS).where({ request_id: requestId }).first();
    if (!row) return undefined;
    if (row.key_id !== this.keyId) {
      throw new Error(
        `Secret of request ${requestId} was encrypted with key ${row.key_id}, but key ${this.keyId} is configured`,
      );
    }
    return this.decrypt(requestId, row.ciphertext);
  }

  async put(requestId: string, secret: string): Promise<void> {
    await this.db(SECRETS)
      .insert({
        request_id: requestId,
        ciphertext: this.encrypt(requestId, secret),
        key_id: this.keyId,
        created_at: this.now(),
      })
      .onConflict('request_id')
      .merge(['ciphertext', 'key_id', 'created_at']);
  }

  async delete(requestId: string): Promise<void> {
    await this.db(SECRETS).where({ request_id: requestId }).delete();
  }

  private encrypt(requestId: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(requestId));
    const ciphertext = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      ciphertext.toString('base64'),
    ].join(':');
  }

  private decrypt(requestId: string, stored: string): string {
    const [version, iv, tag, ciphertext] = stored.split(':');
    if (version !== 'v1') {
      throw new Error(`Unknown secret format of request ${requestId}`);
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      Buffer.from(iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(requestId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
