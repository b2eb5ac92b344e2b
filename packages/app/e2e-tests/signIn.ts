import { expect, type Page } from '@playwright/test';

/** Signs in as the development guest (resolved by the backend to user:default/sam.rivera). */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  if (await enter.isVisible({ timeout: 15_000 }).catch(() => false)) {
    await enter.click();
  }
  await expect(page.getByRole('navigation', { name: 'sidebar nav' })).toBeVisible();
}
