import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Socket errors of a PostgreSQL connection that cannot be made or was cut. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs that say the server is unreachable or going away, not that the statement is wrong:
 * class 08 (connection exception), 57P01 to 57P03 (administrator or crash shutdown, cannot
 * connect now, e.g. while starting up) and 53300 (too many connections).
 * See https://www.postgresql.org/docs/current/errcodes-appendix.html.
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)
  );
}

/**
 * node-postgres reports a socket that died under a query with these messages and no code; knex
 * puts the failed statement in front ("ROLLBACK - Connection terminated unexpectedly").
 */
const LOST_CONNECTION_MESSAGES = [
  /Connection terminated/,
  /Client was closed and is not queryable/,
  /Client has encountered a connection error and is not queryable/,
];

/**
 * Whether an error means "the database cannot be reached right now" (a restart, a failover, a
 * network cut, an exhausted pool) rather than a bug: such requests are worth retrying, so they are
 * answered 503 instead of 500. Follows `cause` and the `errors` of an AggregateError (Node reports
 * a refused connection to each resolved address that way).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, errors } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (NETWORK_ERROR_CODES.has(code) || isUnavailableSqlState(code)) {
      return true;
    }
  }
  // knex gives up waiting for a pooled connection (acquireConnectionTimeout).
  if (name === 'KnexTimeoutError') return true;
  if (
    typeof message === 'string' &&
    LOST_CONNECTION_MESSAGES.some(pattern => pattern.test(message))
  ) {
    return true;
  }
  if (
    Array.isArray(errors) &&
    errors.some(e => isDatabaseUnavailable(e, depth + 1))
  ) {
    return true;
  }
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * Express error handler, mounted after the routes: turns database outages into
 * ServiceUnavailableError, which the backend's error middleware answers with 503, and tells the
 * client when to retry. Other errors pass through unchanged.
 */
export function databaseUnavailableHandler(
  retryAfterSeconds = 5,
): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    res.setHeader('Retry-After', String(retryAfterSeconds));
    next(
      new ServiceUnavailableError(
        'The database is unavailable; nothing was stored, retry shortly',
        error,
      ),
    );
  };
}
