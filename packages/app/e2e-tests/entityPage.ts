import type { Page } from '@playwright/test';

/**
 * Opens a tab of an entity page. Backstage 1.55 renders entity page tabs as links (a
 * group such as "Documentation" may collect several); older layouts render them as tabs.
 */
export async function openEntityTab(page: Page, name: string) {
  await page
    .getByRole('tab', { name, exact: true })
    .or(page.getByRole('link', { name, exact: true }))
    .first()
    .click();
}
