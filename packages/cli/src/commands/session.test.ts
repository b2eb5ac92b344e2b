import fs from 'node:fs';
import { startTestPortal, TestPortal, waitForEntity } from '@paved/test-portal';
import { TestUserMachine } from '../__testUtils__/runCli';
import { PendingSignIn } from '../session/oauthSignIn';

jest.setTimeout(120_000);

describe('platform login, status, token, logout against a portal', () => {
  let portal: TestPortal;
  const machines: TestUserMachine[] = [];
  const machine = () => {
    const created = new TestUserMachine();
    machines.push(created);
    return created;
  };

  beforeAll(async () => {
    portal = await startTestPortal();
    await waitForEntity(portal, 'user:default/sam.rivera');
  });

  afterAll(async () => {
    machines.forEach(m => m.cleanUp());
    await portal?.stop();
  });

  it('signs in as the development guest and stores the token with mode 0600', async () => {
    const user = machine();
    const login = await user.run([
      'login',
      '--url',
      `${portal.url}/`,
      '--guest',
    ]);
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain('as user:default/sam.rivera');

    const stat = fs.statSync(user.credentialsFile);
    expect(stat.mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(user.credentialsFile, 'utf8'));
    expect(stored.current).toBe(portal.url);
    expect(stored.sessions[portal.url].method).toBe('guest');

    const status = await user.run(['status', '--json']);
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({
      url: portal.url,
      health: { ready: true, status: 200 },
      signedIn: true,
      user: 'user:default/sam.rivera',
      source: 'guest',
    });
    expect(status.json().teams).toContain('group:default/payments');

    const human = await user.run(['status']);
    expect(human.stdout).toContain(`✓ Portal ${portal.url} is ready`);
    expect(human.stdout).toContain('✓ Signed in as user:default/sam.rivera');
  });

  it('renews an expired guest token by itself', async () => {
    const user = machine();
    await user.run(['login', '--url', portal.url, '--guest']);
    const stored = JSON.parse(fs.readFileSync(user.credentialsFile, 'utf8'));
    const old = stored.sessions[portal.url];
    stored.sessions[portal.url] = {
      ...old,
      accessToken: 'expired',
      expiresAt: Date.now() - 1000,
    };
    fs.writeFileSync(user.credentialsFile, JSON.stringify(stored));

    const token = await user.run(['token']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).not.toBe('expired');
    expect(token.stdout.trim().split('.')).toHaveLength(3);
  });

  it('signs in through the portal: the user approves the CLI, the CLI gets a token and a refresh token', async () => {
    // The portal's CLI client document is served over http only in development (Backstage's rule).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const guest = await portal.guestToken();
      const consentPages: string[] = [];
      // Plays the user in the browser: signed in to the portal as the guest, they approve the
      // session the consent page shows; the portal redirects the browser to the CLI.
      const approveInBrowser = async ({ authorizeUrl }: PendingSignIn) => {
        consentPages.push(authorizeUrl);
        const sessionId = new URL(authorizeUrl).pathname.split('/').pop()!;
        const approval = await fetch(
          `${portal.url}/api/auth/v1/sessions/${sessionId}/approve`,
          { method: 'POST', headers: { Authorization: `Bearer ${guest}` } },
        );
        expect(approval.status).toBe(200);
        const { redirectUrl } = await approval.json();
        const callback = await fetch(redirectUrl);
        expect(await callback.text()).toContain('Signed in to Paved');
      };
      const user = machine();
      const login = await user.run(['login', '--url', portal.url, '--json'], {
        presentSignIn: approveInBrowser,
      });
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      expect(consentPages[0]).toMatch(
        /^http:\/\/localhost:3000\/oauth2\/authorize\/[0-9a-f-]+$/,
      );
      expect(login.json()).toMatchObject({
        url: portal.url,
        method: 'oauth',
        user: 'user:default/sam.rivera',
        renewable: true,
      });
      const stored = JSON.parse(fs.readFileSync(user.credentialsFile, 'utf8'))
        .sessions[portal.url];
      expect(stored.refreshToken).toBeTruthy();
      expect(stored.appUrl).toBe('http://localhost:3000');

      // The token is the user's own: the portal's APIs answer as Sam.
      const status = await user.run(['status', '--json']);
      expect(status.json()).toMatchObject({
        user: 'user:default/sam.rivera',
        source: 'oauth',
      });

      // When it expires the CLI renews it with the refresh token, which the portal rotates.
      const file = JSON.parse(fs.readFileSync(user.credentialsFile, 'utf8'));
      file.sessions[portal.url].expiresAt = Date.now() - 1;
      fs.writeFileSync(user.credentialsFile, JSON.stringify(file));
      const renewed = await user.run(['status', '--json']);
      expect(renewed.json()).toMatchObject({
        signedIn: true,
        user: 'user:default/sam.rivera',
      });
      const after = JSON.parse(fs.readFileSync(user.credentialsFile, 'utf8'))
        .sessions[portal.url];
      expect(after.refreshToken).not.toBe(stored.refreshToken);
      expect(after.expiresAt).toBeGreaterThan(Date.now());

      // Logging out revokes the refresh token: it can never be exchanged again.
      const logout = await user.run(['logout']);
      expect(logout.code).toBe(0);
      expect(fs.readFileSync(user.credentialsFile, 'utf8')).not.toContain(
        after.refreshToken,
      );
      const reuse = await fetch(`${portal.url}/api/auth/v1/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'refresh_token',
          refresh_token: after.refreshToken,
        }),
      });
      expect(reuse.status).toBe(400);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  it('a refused approval signs nobody in', async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const guest = await portal.guestToken();
      const user = machine();
      const login = await user.run(['login', '--url', portal.url], {
        presentSignIn: async ({ authorizeUrl }) => {
          const sessionId = new URL(authorizeUrl).pathname.split('/').pop()!;
          const rejection = await fetch(
            `${portal.url}/api/auth/v1/sessions/${sessionId}/reject`,
            { method: 'POST', headers: { Authorization: `Bearer ${guest}` } },
          );
          await fetch((await rejection.json()).redirectUrl);
        },
      });
      expect(login.code).toBe(3);
      expect(login.stderr).toContain('Sign-in failed: User denied the request');
      expect(fs.existsSync(user.credentialsFile)).toBe(false);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  it('answers 401 with "run platform login" and exit code 3', async () => {
    const user = machine();
    const noSession = await user.run(['templates'], {
      env: { PLATFORM_URL: portal.url },
    });
    expect(noSession.code).toBe(3);
    expect(noSession.stderr).toContain(`Not signed in to ${portal.url}`);
    expect(noSession.stderr).toContain(
      `run \`platform login --url ${portal.url}\``,
    );

    const badToken = await user.run(['db', 'list'], {
      env: { PLATFORM_URL: portal.url, PLATFORM_TOKEN: 'not-a-token' },
    });
    expect(badToken.code).toBe(3);
    expect(badToken.stderr).toContain('run `platform login');

    const status = await user.run(['status'], {
      env: { PLATFORM_URL: portal.url, PLATFORM_TOKEN: 'not-a-token' },
    });
    expect(status.code).toBe(3);
    expect(status.stdout).toContain('✗ Not signed in');
  });

  it('takes PLATFORM_URL and PLATFORM_TOKEN for CI (a service token, not a user)', async () => {
    const user = machine();
    const status = await user.run(['status', '--json'], {
      env: { PLATFORM_URL: portal.url, PLATFORM_TOKEN: 'cli-test-ci-token' },
    });
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({
      signedIn: true,
      user: null,
      source: 'PLATFORM_TOKEN',
    });
  });

  it('refuses a bad --url and a portal that is not there', async () => {
    const user = machine();
    const bad = await user.run(['login', '--url', 'ftp://x', '--guest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "--url: 'ftp://x' must be an http or https URL",
    );

    const gone = await user.run([
      'login',
      '--url',
      'http://127.0.0.1:9',
      '--guest',
    ]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(
      'Cannot reach the portal at http://127.0.0.1:9',
    );
  });
});
