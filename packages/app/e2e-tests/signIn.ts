import { expect, type Page } from '@playwright/test';

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
