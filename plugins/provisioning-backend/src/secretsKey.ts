import type { Config } from '@backstage/config';

/**
 * Production is `NODE_ENV=production` or `auth.environment: production` (app-config.production.yaml
 * sets the latter): either one is enough, so a production config started without NODE_ENV, or a
 * production build started with a development config, is still treated as production.
 */
export function isProduction(config: Config): boolean {
  return (
    process.env.NODE_ENV === 'production' ||
    config.getOptionalString('auth.environment') === 'production'
  );
}

/**
 * The configured `provisioning.secrets.encryptionKey`: 32 random bytes, base64. In production a
 * missing or malformed key stops the plugin from starting; only development falls back to a key
 * generated into the plugin's database (which sits beside the data it protects).
 */
export function readEncryptionKey(config: Config): string | undefined {
  const key = config.getOptionalString('provisioning.secrets.encryptionKey');
  const production = isProduction(config);
  if (key === undefined || key.trim() === '') {
    if (production) {
      throw new Error(
        'provisioning.secrets.encryptionKey: required in production (32 random bytes, base64, e.g. from PROVISIONING_ENCRYPTION_KEY); refusing to fall back to a key stored beside the data',
      );
    }
    return undefined;
  }
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key.trim())
    ? Buffer.from(key.trim(), 'base64')
    : Buffer.alloc(0);
  if (bytes.length !== 32 && production) {
    throw new Error(
      `provisioning.secrets.encryptionKey: must be 32 random bytes in base64 (got ${bytes.length} bytes); generate one with "openssl rand -base64 32"`,
    );
  }
  return key;
}
