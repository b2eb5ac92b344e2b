/** The claims the CLI reads from a Backstage token (it never verifies them: the portal does). */
export interface TokenClaims {
  sub?: string;
  exp?: number;
}

/**
 * Reads a JWT's payload, to show who is signed in and when the token runs out. Static
 * external-access tokens (CI) are not JWTs: `undefined`.
 */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  try {
    const payload = JSON.parse(
      Buffer.from(parts[1], 'base64url').toString('utf8'),
    );
    return typeof payload === 'object' && payload ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** When a token expires (epoch ms): its `exp` claim, else now + the lifetime the server stated. */
export function tokenExpiry(token: string, expiresInSeconds?: number): number {
  const exp = readTokenClaims(token)?.exp;
  if (typeof exp === 'number') {
    return exp * 1000;
  }
  return Date.now() + (expiresInSeconds ?? 3600) * 1000;
}
