/**
 * The `sandbox` provider of Paved's provisioning backend: real PostgreSQL databases with their own
 * login roles on a server Paved administers (the local one in development).
 *
 * @packageDocumentation
 */
export { provisioningModuleSandbox as default } from './module';
export { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
export type { SandboxSettings } from './settings';
export {
  InvalidIdentifierError,
  quoteIdentifier,
  sandboxIdentifier,
} from './identifiers';
