import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The backend the e2e portal runs (scripts/e2e.sh). */
export const BACKEND = process.env.PAVED_BACKEND_URL ?? 'http://localhost:7007';

/** The development sign-in page's cards (app.signIn.providers: guest, guest-platform). */
const developmentUsers = {
  developer: 'Sam Rivera, developer',
  platform: 'Priya Natarajan, platform engineer',
};

/**
 * Signs in as a development user: by default the example developer (the `guest` provider,
 * user:default/sam.rivera); `platform` is the example platform engineer (`guest-platform`,
 * user:default/priya.natarajan).
 */
export async function signInAsGuest(
  page: Page,
  path = '/',
  who: keyof typeof developmentUsers = 'developer',
) {
  await page.goto(path);
  const card = page
    .getByRole('listitem')
    .filter({ hasText: developmentUsers[who] });
  const signIn = card.getByRole('button', { name: 'Sign In' });
  // The <nav> itself has no box of its own; its links do.
  const sidebar = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });
  // Either the sign-in page or, with a session already, the app itself.
  await expect(signIn.or(sidebar).first()).toBeVisible({ timeout: 60_000 });
  if (await signIn.isVisible()) {
    await signIn.click();
  }
  await expect(sidebar).toBeVisible();
}

/**
 * A development user's Backstage token, as scripts get it (app-config.yaml, auth.providers):
 * `guest` is Sam Rivera, `guest-platform` Priya Natarajan.
 */
export async function tokenOf(
  request: APIRequestContext,
  provider: 'guest' | 'guest-platform',
) {
  const res = await request.get(
    `${BACKEND}/api/auth/${provider}/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(res.ok()).toBeTruthy();
  return (await res.json()).backstageIdentity.token as string;
}
