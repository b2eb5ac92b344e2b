/**
 * Exit codes of `platform`, documented in the README so scripts can branch on them.
 * 1: the operation failed (a task failed, the portal refused, a 404/409/5xx).
 * 2: bad usage or input (unknown option, a name already taken, HTTP 400).
 * 3: not signed in, or the session expired (HTTP 401).
 */
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_NOT_SIGNED_IN = 3;

/** An error the CLI reports as one line on stderr, with its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_FAILED) {
    super(message);
    this.name = 'CliError';
  }
}

export function notSignedIn(portalUrl: string | undefined): CliError {
  const where = portalUrl ? ` to ${portalUrl}` : '';
  return new CliError(
    `Not signed in${where}, or the session has expired: run \`platform login${
      portalUrl ? ` --url ${portalUrl}` : ' --url <portal>'
    }\` (CI: set PLATFORM_TOKEN and PLATFORM_URL)`,
    EXIT_NOT_SIGNED_IN,
  );
}

/** Ends a command with an exit code after it printed its own result (nothing more to say). */
export class SilentExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
  }
}
