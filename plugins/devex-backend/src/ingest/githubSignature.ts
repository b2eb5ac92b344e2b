import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Checks GitHub's `X-Hub-Signature-256` (`sha256=<hex HMAC-SHA256 of the raw body>`). The
 * comparison is constant-time so the signature cannot be guessed byte by byte from timings.
 */
export function isValidGithubSignature(
  secret: string | undefined,
  rawBody: Buffer,
  header: string | string[] | undefined,
): boolean {
  if (!secret || typeof header !== 'string' || !header.startsWith('sha256='))
    return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value GitHub would send, for tests and the demo tooling. */
export function githubSignature(
  secret: string,
  rawBody: Buffer | string,
): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
