import { createHmac, timingSafeEqual } from 'crypto';
import type { Request } from 'express';
import { AuthenticationError, CustomErrorBase } from '@backstage/errors';

/** Answered 413 by Backstage's error handler (which reads `statusCode`). */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Reads a GitHub delivery's body while checking its `X-Hub-Signature-256`, before anything else
 * looks at it. What can be refused without the body is refused without reading it: no secret
 * configured, a missing or malformed signature, a declared length over the limit. The HMAC is
 * computed as the body streams in, and reading stops at `maxBytes`, so an unsigned or oversized
 * body costs the server at most that much.
 *
 * A body not read to its end leaves the connection unusable: callers answer with
 * `Connection: close`.
 */
export async function readSignedBody(
  req: Request,
  options: { secret: string | undefined; maxBytes: number },
): Promise<Buffer> {
  const { secret, maxBytes } = options;
  if (!secret) {
    throw new AuthenticationError(
      'X-Hub-Signature-256: no webhook secret is configured, so no delivery can be verified (rule: signature)',
    );
  }
  const header = req.headers['x-hub-signature-256'];
  const given = typeof header === 'string' ? SIGNATURE.exec(header) : null;
  if (!given) {
    throw new AuthenticationError(
      'X-Hub-Signature-256: is missing or not sha256=<64 hex digits> (rule: signature)',
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new PayloadTooLargeError(
      `body: ${declared} bytes is more than the ${maxBytes} a delivery may have (rule: maximum)`,
    );
  }

  const hmac = createHmac('sha256', secret);
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        reject(
          new PayloadTooLargeError(
            `body: more than the ${maxBytes} bytes a delivery may have (rule: maximum)`,
          ),
        );
        return;
      }
      hmac.update(chunk);
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve());
    req.once('error', reject);
  });

  const expected = hmac.digest();
  const signature = Buffer.from(given[1], 'hex');
  if (!timingSafeEqual(signature, expected)) {
    throw new AuthenticationError(
      'X-Hub-Signature-256: does not match the body (rule: signature)',
    );
  }
  return Buffer.concat(chunks, size);
}
