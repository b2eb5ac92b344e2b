import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError, EXIT_NOT_SIGNED_IN } from '../errors';
import { StoredSession } from './CredentialStore';
import { readTokenClaims, tokenExpiry } from './tokens';

/*
 * Sign-in through Backstage's own OAuth 2.0 authorization server (auth-backend 0.30, Backstage
 * 1.55), the flow `backstage-cli auth login` uses: authorization code with PKCE (RFC 7636), the
 * client identified by the metadata document the portal itself serves for CLIs
 * (`/api/auth/.well-known/oauth-client/cli.json`, a Client ID Metadata Document), and a loopback
 * redirect on a free port (RFC 8252 §7.3: loopback redirects match on any port). The signed-in
 * user approves the CLI on the portal's consent page (`/oauth2/authorize/:session`,
 * @backstage/plugin-auth); the portal then issues the user's own token, valid for an hour, and
 * a rotating refresh token (`offline_access`) for the CLI to renew it.
 */

interface OpenIdConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  scopes_supported?: string[];
  client_id_metadata_document_supported?: boolean;
}

interface TokenResponse {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
}

/** Where the consent page is, and how to learn that the user answered it. */
export interface PendingSignIn {
  /** The portal page the user opens to approve (the authorize endpoint, which redirects to it). */
  authorizeUrl: string;
}

const LOGIN_TIMEOUT_MS = 5 * 60 * 1000;

async function postJson<T>(url: string, body: object): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const reason =
      parsed?.error_description ?? parsed?.error?.message ?? parsed?.error;
    throw new CliError(
      `The portal refused the sign-in (HTTP ${response.status}${
        reason ? `: ${reason}` : ''
      })`,
      EXIT_NOT_SIGNED_IN,
    );
  }
  return parsed as T;
}

async function discover(url: string): Promise<OpenIdConfiguration> {
  const endpoint = `${url}/api/auth/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(endpoint);
  } catch (error) {
    throw new CliError(
      `Cannot reach the portal at ${url}: ${(error as Error).message}`,
    );
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('json')) {
    throw new CliError(
      `${url} does not answer as a Paved portal's backend (${endpoint}: HTTP ${response.status}). In development the backend is http://localhost:7007.`,
    );
  }
  const configuration = (await response.json()) as OpenIdConfiguration;
  if (!configuration.client_id_metadata_document_supported) {
    throw new CliError(
      `The portal at ${url} does not offer CLI sign-in: its auth backend needs auth.clientIdMetadataDocuments.enabled (see the Paved README). Meanwhile CI can use PLATFORM_TOKEN.`,
    );
  }
  return configuration;
}

function sessionFrom(
  url: string,
  token: TokenResponse,
  appUrl: string | undefined,
): StoredSession {
  return {
    url,
    appUrl,
    method: 'oauth',
    accessToken: token.access_token,
    expiresAt: tokenExpiry(token.access_token, token.expires_in),
    refreshToken: token.refresh_token,
    userEntityRef: readTokenClaims(token.access_token)?.sub,
  };
}

/** Waits on 127.0.0.1 for the browser to come back with `?code=&state=`. */
function startLoopbackReceiver(expectedState: string) {
  let settle: (result: { code: string } | { error: string }) => void;
  const result = new Promise<{ code: string } | { error: string }>(resolve => {
    settle = resolve;
  });
  const server = http.createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (requestUrl.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    const params = requestUrl.searchParams;
    // A page that is not the portal's answer to this sign-in (wrong state) changes nothing.
    if (params.get('state') !== expectedState) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This sign-in link does not belong to the waiting CLI.');
      return;
    }
    const code = params.get('code');
    const error = params.get('error');
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(
      code
        ? 'Signed in to Paved. You can close this tab and return to the terminal.'
        : 'Sign-in was not approved. You can close this tab.',
    );
    settle(
      code
        ? { code }
        : {
            error: params.get('error_description') ?? error ?? 'no code',
          },
    );
  });
  return {
    listening: new Promise<string>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () =>
        resolve(
          `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
        ),
      );
    }),
    result,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs the browser sign-in: `present` is told the page to open (the CLI prints it and opens a
 * browser; tests approve it through the portal's API), and the returned session holds the user's
 * token and refresh token.
 */
export async function signInWithBrowser(options: {
  url: string;
  present: (pending: PendingSignIn) => Promise<void> | void;
  timeoutMs?: number;
}): Promise<StoredSession> {
  const { url } = options;
  const configuration = await discover(url);
  const verifier = crypto.randomBytes(48).toString('base64url');
  const challenge = crypto
    .createHash('sha256')
    .update(verifier)
    .digest('base64url');
  const state = crypto.randomBytes(24).toString('base64url');
  const receiver = startLoopbackReceiver(state);
  try {
    const redirectUri = await receiver.listening;
    const scopes = ['openid'];
    if (configuration.scopes_supported?.includes('offline_access')) {
      scopes.push('offline_access');
    }
    const authorize = new URL(configuration.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: `${configuration.issuer}/.well-known/oauth-client/cli.json`,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: scopes.join(' '),
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();

    // The authorize endpoint redirects to the consent page on the portal's web address; asking
    // for it here shows the user that page directly and checks the client is accepted.
    const answer = await fetch(authorize, { redirect: 'manual' });
    const consentPage = answer.headers.get('location');
    if (answer.status < 300 || answer.status >= 400 || !consentPage) {
      const body = await answer.text();
      throw new CliError(
        `The portal refused to start the sign-in (HTTP ${
          answer.status
        }): ${body.slice(0, 300)}`,
      );
    }
    const consent = new URL(consentPage);
    if (consent.searchParams.get('error')) {
      throw new CliError(
        `The portal refused to start the sign-in: ${
          consent.searchParams.get('error_description') ??
          consent.searchParams.get('error')
        }`,
      );
    }
    const appUrl = consent.pathname.includes('/oauth2/authorize/')
      ? `${consent.origin}${consent.pathname.replace(
          /\/oauth2\/authorize\/.*$/,
          '',
        )}`
      : undefined;

    await options.present({ authorizeUrl: consent.toString() });

    const timeoutMs = options.timeoutMs ?? LOGIN_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      receiver.result,
      new Promise<{ error: string }>(resolve => {
        timer = setTimeout(
          () =>
            resolve({
              error: `no answer within ${Math.round(timeoutMs / 1000)} s`,
            }),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if ('error' in outcome) {
      throw new CliError(
        `Sign-in failed: ${outcome.error}`,
        EXIT_NOT_SIGNED_IN,
      );
    }
    const token = await postJson<TokenResponse>(configuration.token_endpoint, {
      grant_type: 'authorization_code',
      code: outcome.code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    return sessionFrom(url, token, appUrl);
  } finally {
    await receiver.close();
  }
}

/** Renews an OAuth session with its refresh token (which the portal rotates). */
export async function refreshOAuthSession(
  session: StoredSession,
): Promise<StoredSession> {
  if (!session.refreshToken) {
    throw new CliError('The session has no refresh token', EXIT_NOT_SIGNED_IN);
  }
  const token = await postJson<TokenResponse>(
    `${session.url}/api/auth/v1/token`,
    { grant_type: 'refresh_token', refresh_token: session.refreshToken },
  );
  return {
    ...sessionFrom(session.url, token, session.appUrl),
    refreshToken: token.refresh_token ?? session.refreshToken,
  };
}
