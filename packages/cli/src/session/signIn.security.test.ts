/*
 * Attacks on the CLI's sign-in and its stored credentials. A stand-in authorization server plays
 * the portal's OAuth endpoints (the real flow is tested against Backstage's own in
 * commands/session.test.ts); here it records what the CLI sends.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CredentialStore } from './CredentialStore';
import { signInWithBrowser } from './oauthSignIn';

async function startAuthorizationServer() {
  const tokenRequests: Array<Record<string, string>> = [];
  let challenge = '';
  const authorize = { redirectUri: '', state: '' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname === '/api/auth/.well-known/openid-configuration') {
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          issuer: `${base}/api/auth`,
          authorization_endpoint: `${base}/api/auth/v1/authorize`,
          token_endpoint: `${base}/api/auth/v1/token`,
          scopes_supported: ['openid', 'offline_access'],
          client_id_metadata_document_supported: true,
        }),
      );
      return;
    }
    if (url.pathname === '/api/auth/v1/authorize') {
      challenge = url.searchParams.get('code_challenge')!;
      authorize.redirectUri = url.searchParams.get('redirect_uri')!;
      authorize.state = url.searchParams.get('state')!;
      res.writeHead(302, { Location: `${base}/oauth2/authorize/session-1` });
      res.end();
      return;
    }
    if (url.pathname === '/api/auth/v1/token') {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        const parsed = JSON.parse(body);
        tokenRequests.push(parsed);
        const expected = crypto
          .createHash('sha256')
          .update(parsed.code_verifier ?? '')
          .digest('base64url');
        res.setHeader('Content-Type', 'application/json');
        if (parsed.code !== 'the-real-code' || expected !== challenge) {
          res.statusCode = 400;
          res.end(JSON.stringify({ error: 'invalid_grant' }));
          return;
        }
        res.end(
          JSON.stringify({
            access_token: 'a.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvc2FtIn0.c',
            expires_in: 3600,
            refresh_token: 'r',
          }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokenRequests,
    authorize,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('sign-in and stored credentials under attack', () => {
  it('ignores a callback that does not carry the state of this sign-in (login CSRF, code injection)', async () => {
    const server = await startAuthorizationServer();
    try {
      const session = await signInWithBrowser({
        url: server.url,
        present: async ({ authorizeUrl }) => {
          expect(authorizeUrl).toBe(`${server.url}/oauth2/authorize/session-1`);
          // The loopback address is visible in the authorize request; an attacker who learns it
          // sends their own code (or a guessed state) before the portal answers.
          const callback = server.authorize.redirectUri;
          const forged = await fetch(
            `${callback}?code=attacker-code&state=guessed`,
          );
          expect(forged.status).toBe(400);
          const noState = await fetch(`${callback}?code=attacker-code`);
          expect(noState.status).toBe(400);
          const real = await fetch(
            `${callback}?code=the-real-code&state=${server.authorize.state}`,
          );
          expect(real.status).toBe(200);
        },
      });
      expect(session.userEntityRef).toBe('user:default/sam');
      // Only the real code was ever exchanged, with the PKCE verifier of this sign-in.
      expect(server.tokenRequests.map(r => r.code)).toEqual(['the-real-code']);
    } finally {
      await server.close();
    }
  });

  it('keeps the credentials file private even when it existed with looser permissions', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-cli-store-'));
    try {
      const file = path.join(home, 'paved', 'credentials.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '{}', { mode: 0o644 });
      const store = CredentialStore.fromEnvironment({ XDG_CONFIG_HOME: home });
      await store.save({
        url: 'https://paved.example.com',
        method: 'oauth',
        accessToken: 'secret',
        expiresAt: Date.now() + 60_000,
      });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // A relative XDG_CONFIG_HOME is ignored (the spec says so), never written beside the cwd.
      expect(
        CredentialStore.fromEnvironment({
          XDG_CONFIG_HOME: 'relative',
          HOME: home,
        }).location,
      ).toBe(path.join(home, '.config', 'paved', 'credentials.json'));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
