import { createHmac } from 'crypto';

/**
 * The `X-Hub-Signature-256` header GitHub sends with a body (`sha256=<hex HMAC-SHA256>`), for
 * tests and the demo tooling. The webhook verifies it while reading (see readSignedBody).
 */
export function githubSignature(
  secret: string,
  rawBody: Buffer | string,
): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
