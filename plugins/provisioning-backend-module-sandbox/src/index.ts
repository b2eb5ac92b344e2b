/**
 * The `sandbox` provider of Paved's provisioning backend: real PostgreSQL databases with their own
 * login roles, and Redis ACL users confined to their key prefix, on servers Paved administers (the
 * local ones in development).
 *
 * @packageDocumentation
 */
export { provisioningModuleSandbox as default } from './module';
export { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
export {
  SandboxRedisProvider,
  redisKeyPrefix,
  redisUserRules,
} from './SandboxRedisProvider';
export type { SandboxRedisSettings, SandboxSettings } from './settings';
export {
  InvalidIdentifierError,
  quoteIdentifier,
  sandboxIdentifier,
} from './identifiers';
