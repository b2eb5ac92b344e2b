import { expect, test, type Page } from '@playwright/test';
import { signInAsGuest } from './signIn';

const control = (page: Page) =>
  page.getByRole('button', { name: 'Give feedback on this page' });

test.describe('the feedback control', () => {
  test('is on every page, sends the page and last action, and a low rating reaches the platform team', async ({
    page,
    browser,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog');
    // On every page: the app shell renders it, not one plugin's page.
    for (const path of ['/catalog', '/create', '/devex', '/docs']) {
      await page.goto(path);
      await expect(control(page)).toBeVisible({ timeout: 30_000 });
    }

    await page.goto('/catalog');
    // The last action the person took on the page goes with the feedback.
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true })
      .click();
    await control(page).click();
    const dialog = page.getByRole('dialog', { name: 'Feedback on this page' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('this page (/catalog)');
    await expect(dialog).toContainText('your last action (clicked “Catalog”)');

    const comment = `e2e: the catalog filters are slow (${Date.now()})`;
    await dialog.getByLabel('2 – Poor').check();
    await dialog.getByRole('button', { name: /Category/ }).click();
    await page.getByRole('option', { name: 'Slow' }).click();
    await dialog.getByLabel('Comment (optional)').fill(comment);
    await page.screenshot({
      path: testInfo.outputPath('feedback-dialog.png'),
      fullPage: true,
    });
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await expect(dialog).toContainText(
      'the platform team reads every piece of feedback',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A platform engineer was notified at once, with the comment.
    const context = await browser.newContext();
    const platform = await context.newPage();
    await signInAsGuest(platform, '/notifications', 'platform');
    await platform.goto('/notifications');
    await expect(
      platform.getByText('Portal feedback: 2/5 on /catalog').first(),
    ).toBeVisible({ timeout: 30_000 });
    await expect(platform.getByText(comment).first()).toBeVisible();
    await platform.screenshot({
      path: testInfo.outputPath('feedback-notification.png'),
      fullPage: true,
    });
    await context.close();
  });
});
