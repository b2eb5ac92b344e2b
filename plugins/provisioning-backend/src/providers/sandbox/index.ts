export { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
export {
  sandboxIdentifier,
  quoteIdentifier,
  InvalidIdentifierError,
} from './identifiers';
