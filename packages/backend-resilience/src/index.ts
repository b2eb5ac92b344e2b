/**
 * What Paved's backend plugins share to keep answering well when a dependency goes away:
 * database outages answered 503 with Retry-After instead of 500.
 *
 * @packageDocumentation
 */
export {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';
