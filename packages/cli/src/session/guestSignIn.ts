import { CliError } from '../errors';
import { StoredSession } from './CredentialStore';
import { readTokenClaims, tokenExpiry } from './tokens';

interface RefreshResponse {
  backstageIdentity?: { token?: string; expiresInSeconds?: number };
}

/**
 * Development only: the guest provider's session endpoint hands out the example developer's
 * token. Backstage answers it only to a browser-like request (`X-Requested-With`), which the CLI
 * sends; production portals have no guest provider and answer 404.
 */
export async function signInAsGuest(options: {
  url: string;
  providerId?: string;
}): Promise<StoredSession> {
  const providerId = options.providerId ?? 'guest';
  const endpoint = `${options.url}/api/auth/${encodeURIComponent(
    providerId,
  )}/refresh?env=development`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
  } catch (error) {
    throw new CliError(
      `Cannot reach the portal at ${options.url}: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    throw new CliError(
      `The portal at ${options.url} offers no '${providerId}' sign-in (HTTP ${response.status}); the guest exists only in development`,
    );
  }
  const body = (await response.json()) as RefreshResponse;
  const token = body.backstageIdentity?.token;
  if (!token) {
    throw new CliError(
      `The portal at ${options.url} answered the '${providerId}' sign-in without a token`,
    );
  }
  return {
    url: options.url,
    method: 'guest',
    accessToken: token,
    expiresAt: tokenExpiry(token, body.backstageIdentity?.expiresInSeconds),
    userEntityRef: readTokenClaims(token)?.sub,
  };
}
