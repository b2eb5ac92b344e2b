import { CliError, EXIT_BAD_INPUT } from '../errors';

/** A portal URL as stored and compared: http(s), no trailing slash, no query or fragment. */
export function normalizePortalUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `--url: '${value}' is not a URL (example: https://paved.example.com)`,
      EXIT_BAD_INPUT,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(
      `--url: '${value}' must be an http or https URL`,
      EXIT_BAD_INPUT,
    );
  }
  if (url.username || url.password) {
    throw new CliError(
      '--url: must not contain a user name or password',
      EXIT_BAD_INPUT,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
