/*
 * A real OpenID Connect provider for the production sign-in check (`make prod-check`): the
 * certified `oidc-provider` package, serving discovery, authorization (code flow), token, userinfo
 * and JWKS endpoints to the built backend, with one confidential client (the portal) and the
 * accounts of identityProviderAccounts.json.
 *
 * The login and consent pages are oidc-provider's development interactions: any password is
 * accepted for a known login. What is under test is the portal's side of the protocol and its
 * sign-in resolver, not the identity provider's password check.
 *
 * Environment: SIGN_IN_IDP_PORT (listens on 127.0.0.1), AUTH_OIDC_CLIENT_ID,
 * AUTH_OIDC_CLIENT_SECRET, PAVED_BASE_URL (the portal, for the client's redirect URI).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.SIGN_IN_IDP_PORT);
const portalUrl = process.env.PAVED_BASE_URL;
const clientId = process.env.AUTH_OIDC_CLIENT_ID;
const clientSecret = process.env.AUTH_OIDC_CLIENT_SECRET;
if (!port || !portalUrl || !clientId || !clientSecret) {
  throw new Error(
    'Set SIGN_IN_IDP_PORT, PAVED_BASE_URL, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET',
  );
}

/** login -> { email, name } */
const accounts = JSON.parse(
  readFileSync(new URL('./identityProviderAccounts.json', import.meta.url)),
);

// A signing key of this run (Backstage's OIDC client expects RS256 ID tokens by default).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'paved-prod-check',
  alg: 'RS256',
  use: 'sig',
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${portalUrl}/api/auth/oidc/handler/frame`],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // oidc-provider follows the letter of OpenID Connect Core and drops `offline_access` unless the
  // portal asks with `prompt=consent`; company identity providers (Okta, Entra ID, Keycloak)
  // issue the refresh token the portal's session cookie carries, and so does this one.
  issueRefreshToken: async (_ctx, client) =>
    client.grantTypeAllowed('refresh_token'),
  async findAccount(_ctx, login) {
    const account = accounts[login];
    if (!account) return undefined;
    return {
      accountId: login,
      claims: async () => ({
        sub: login,
        email: account.email,
        email_verified: true,
        name: account.name,
      }),
    };
  },
});

http.createServer(provider.callback()).listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `OpenID Connect provider at http://127.0.0.1:${port} (accounts: ${Object.keys(
      accounts,
    ).join(', ')})\n`,
  );
});
