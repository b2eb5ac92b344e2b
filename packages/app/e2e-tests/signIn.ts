import { expect, type Page } from '@playwright/test';

/** Signs in as the development guest (resolved by the backend to user:default/sam.rivera). */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The <nav> itself has no box of its own; its links do.
  const sidebar = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });
  // Either the sign-in page or, with a session already, the app itself.
  await expect(enter.or(sidebar).first()).toBeVisible({ timeout: 60_000 });
  if (await enter.isVisible()) {
    await enter.click();
  }
  await expect(sidebar).toBeVisible();
}
