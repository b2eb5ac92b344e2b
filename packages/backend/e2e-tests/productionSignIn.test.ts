/*
 * Production sign-in, proven (run by `make prod-check`, never by `make test-e2e`): the built
 * backend with app-config.production.yaml, behind TLS, signs Chromium in through a real OpenID
 * Connect provider (identityProvider.mjs), resolving the verified e-mail to exactly one catalog
 * user and refusing anyone else with a message the person can act on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import accounts from './identityProviderAccounts.json';

type Login = keyof typeof accounts;

const repoRoot = path.resolve(__dirname, '../../..');
const readYaml = (file: string) =>
  parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

/** The portal's session cookie for company SSO (Backstage's OAuth refresh cookie). */
const REFRESH_COOKIE = 'oidc-refresh-token';

interface SignInAttempt {
  page: Page;
  close(): Promise<void>;
}

/**
 * Opens the portal in a fresh browser (no session with the portal or the identity provider),
 * chooses "Company SSO" and signs in on the identity provider's pages as `login`.
 */
async function signInThroughCompanySso(
  browser: Browser,
  login: Login,
): Promise<SignInAttempt> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ hasText: 'Company SSO' });
  const popupOpened = page.waitForEvent('popup');
  await card.getByRole('button', { name: 'Sign In' }).click();
  const popup = await popupOpened;
  await popup.getByPlaceholder('Enter any login').fill(login);
  await popup
    .getByPlaceholder('and password')
    .fill('not checked by the test provider');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  // The portal's callback answers the app and closes the window, as soon as the person agrees on
  // the identity provider's consent page (the portal asks for openid, profile, email).
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Continue' }).click();
  await closed;
  return { page, close: () => context.close() };
}

/** The sidebar of the signed-in portal. */
const portalSidebar = (page: Page) =>
  page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });

const refusal = (page: Page) => page.getByText(/Sign-in refused: .*/).first();

/**
 * Signs in as `login`; while the portal refuses everyone as unknown (its catalog reads the
 * organisation's files just after start-up) tries again, for 90 s at most. Any other outcome,
 * signed in or refused for another reason, is returned at once.
 */
async function signInOnceTheCatalogKnowsUsers(
  browser: Browser,
  login: Login,
): Promise<SignInAttempt> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const attempt = await signInThroughCompanySso(browser, login);
    const outcome = await Promise.race([
      portalSidebar(attempt.page)
        .waitFor()
        .then(() => 'signed in'),
      refusal(attempt.page)
        .waitFor()
        .then(() => refusal(attempt.page).innerText()),
    ]);
    if (!/matches no user/.test(outcome) || Date.now() > deadline) {
      return attempt;
    }
    await attempt.close();
    await new Promise(resolve => setTimeout(resolve, 3_000));
  }
}

/** Refreshes the session the way the app does (the refresh cookie goes along). */
async function refreshSession(page: Page) {
  return page.evaluate(async () => {
    const response = await fetch('/api/auth/oidc/refresh?env=production', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    return { status: response.status, body: await response.json() };
  });
}

test.describe.configure({ mode: 'serial' });

test.describe('production sign-in through company SSO (OpenID Connect)', () => {
  // Sam's Backstage token, to wait for the test-only users in the catalog.
  let samToken = '';

  test('the check runs the production catalog locations plus only the test-only users', () => {
    const production = readYaml('app-config.production.yaml').catalog.locations;
    const checked = readYaml(
      'packages/backend/e2e-tests/app-config.sign-in.yaml',
    ).catalog.locations;
    expect(checked).toEqual([
      ...production,
      {
        type: 'file',
        target: './e2e-tests/ambiguousUsers.yaml',
        rules: [{ allow: ['User'] }],
      },
    ]);
  });

  test('signs the example developer in as the one catalog user with their e-mail', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const attempt = await signInOnceTheCatalogKnowsUsers(browser, 'sam.rivera');
    const { page } = attempt;
    await expect(portalSidebar(page)).toBeVisible();

    // The session cookie as Chromium keeps it: sent over https only, out of reach of the page's
    // scripts, not sent on cross-site requests, only to the provider's own endpoints.
    const stored = (await page.context().cookies()).find(
      cookie => cookie.name === REFRESH_COOKIE,
    );
    expect(stored).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      path: '/api/auth/oidc',
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain(
      REFRESH_COOKIE,
    );

    // Who the portal says this is: the catalog user, with the team's ownership; the refresh goes
    // back to the identity provider with its refresh token.
    const session = await refreshSession(page);
    expect(session.status).toBe(200);
    expect(session.body.backstageIdentity.identity).toMatchObject({
      type: 'user',
      userEntityRef: 'user:default/sam.rivera',
    });
    expect(
      session.body.backstageIdentity.identity.ownershipEntityRefs,
    ).toContain('group:default/payments');
    expect(session.body.profile.email).toBe(accounts['sam.rivera'].email);
    samToken = session.body.backstageIdentity.token;

    // A reload keeps the session (the cookie), and the settings page shows the person.
    await page.goto('/settings');
    await expect(portalSidebar(page)).toBeVisible();
    await expect(page.getByText('Sam Rivera').first()).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('signed-in.png'),
      fullPage: true,
    });
    await attempt.close();
  });

  test('refuses an e-mail two catalog users share, naming both', async ({
    browser,
    request,
  }, testInfo) => {
    const token = samToken;
    expect(token).not.toBe('');
    for (const name of ['casey.one', 'casey.two']) {
      await expect
        .poll(
          async () =>
            (
              await request.get(
                `/api/catalog/entities/by-name/user/default/${name}`,
                { headers: { Authorization: `Bearer ${token}` } },
              )
            ).status(),
          { timeout: 60_000 },
        )
        .toBe(200);
    }
    const { page, close } = await signInThroughCompanySso(browser, 'casey');
    await expect(refusal(page)).toContainText(
      'Sign-in refused: the e-mail address casey@example.com matches 2 users in the catalog (user:default/casey.one, user:default/casey.two); ask the platform team to keep one (rule: one-catalog-user-per-identity)',
    );
    await expect(portalSidebar(page)).toBeHidden();
    expect(
      (await page.context().cookies()).map(cookie => cookie.name),
    ).not.toContain(REFRESH_COOKIE);
    await page.screenshot({
      path: testInfo.outputPath('refused-two-users.png'),
      fullPage: true,
    });
    await close();
  });

  test('refuses an e-mail no catalog user has', async ({
    browser,
  }, testInfo) => {
    const { page, close } = await signInThroughCompanySso(
      browser,
      'jordan.doe',
    );
    await expect(refusal(page)).toContainText(
      'Sign-in refused: the e-mail address jordan.doe@example.com matches no user of the organisation in the catalog; ask the platform team to add you (rule: one-catalog-user-per-identity)',
    );
    await expect(portalSidebar(page)).toBeHidden();
    expect(
      (await page.context().cookies()).map(cookie => cookie.name),
    ).not.toContain(REFRESH_COOKIE);
    await page.screenshot({
      path: testInfo.outputPath('refused-unknown.png'),
      fullPage: true,
    });
    await close();
  });
});
