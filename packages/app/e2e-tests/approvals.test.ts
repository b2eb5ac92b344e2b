import { expect, test, type Page } from '@playwright/test';
import { chooseEntity } from './scaffolderForm';
import { signInAsGuest } from './signIn';

/*
 * Approvals and cost, end to end: Sam (payments) requests a production database and sees its
 * estimated monthly cost in the form and on the request page; it waits for approval. Priya, a
 * platform engineer, finds it in her approvals inbox with its cost and what it creates, approves
 * it, and the request moves on to provisioning with her approval recorded.
 */

/** Picks an option of an enum field (a Material UI select labelled with the field's title). */
async function chooseOption(page: Page, label: RegExp, option: RegExp) {
  const select = page
    .getByRole('button', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first();
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
}

test.describe('approvals and cost', () => {
  test('Sam requests a production database; Priya approves it in her inbox', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(300_000);
    const name = `e2e-prod-${Date.now().toString(36)}`;

    // Sam fills the form; the estimate follows what he types.
    await signInAsGuest(page, '/create');
    const card = page
      .locator('div')
      .filter({ hasText: 'Request a PostgreSQL database' })
      .filter({ has: page.getByRole('button', { name: 'Choose' }) })
      .last();
    await expect(card).toBeVisible({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Choose' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await chooseEntity(page, /^Owning team/, 'payments');
    await chooseEntity(page, /^System/, 'payments');
    await chooseOption(page, /Environment/, /^Production/);
    await page.getByRole('button', { name: 'Next' }).click();

    const estimate = page.getByTestId('cost-estimate');
    await expect(estimate).toContainText('/ month', { timeout: 30_000 });
    await expect(estimate).toContainText('small, 10 GB');
    const storage = page.getByRole('spinbutton', { name: /^Storage/ });
    await storage.fill('50');
    await expect(estimate).toContainText('small, 50 GB');
    await page.screenshot({
      path: testInfo.outputPath('1-cost-in-form.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // The task ends when the request awaits approval; it links to the request.
    await expect(page).toHaveURL(/\/create\/tasks\//);
    const requestLink = page
      .getByRole('link', { name: 'Database request' })
      .or(page.getByRole('button', { name: 'Database request' }));
    await expect(requestLink.first()).toBeVisible({ timeout: 120_000 });
    await requestLink.first().click();
    await expect(page).toHaveURL(/\/provisioning\/requests\/[0-9a-f-]{36}/);
    const requestUrl = new URL(page.url()).pathname;
    const requestId = requestUrl.split('/').pop()!;
    await expect(
      page.getByTestId('status-awaiting-approval').first(),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/\/ month/).first()).toBeVisible();
    await expect(page.getByTestId('approval-summary')).toContainText(
      '0 of 1 approval',
    );
    await page.screenshot({
      path: testInfo.outputPath('2-request-awaiting-approval.png'),
      fullPage: true,
    });

    // Priya, in a session of her own, opens her inbox from the sidebar.
    const priyaContext = await browser.newContext();
    const priya = await priyaContext.newPage();
    await signInAsGuest(priya, '/provisioning', 'platform');
    await priya
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: /^Approvals/ })
      .click();
    await expect(priya).toHaveURL(/\/provisioning\/approvals/);
    const approvalCard = priya.getByTestId(`approval-card-${requestId}`);
    await expect(approvalCard).toBeVisible({ timeout: 60_000 });
    await expect(approvalCard.getByTestId('approval-cost')).toContainText(
      '/ month',
    );
    await expect(approvalCard).toContainText(name);
    await expect(approvalCard).toContainText('production');
    await priya.screenshot({
      path: testInfo.outputPath('3-inbox.png'),
      fullPage: true,
    });
    await approvalCard.getByRole('button', { name: 'Approve' }).click();
    await priya
      .getByLabel('Review comment')
      .fill('capacity checked, within budget');
    await priya
      .getByRole('dialog')
      .getByRole('button', { name: 'Approve' })
      .click();
    // Approved, it leaves the inbox.
    await expect(approvalCard).toHaveCount(0, { timeout: 30_000 });

    // Sam's request moved on, with Priya's approval on record.
    await page.goto(requestUrl);
    await expect(
      page
        .getByTestId('status-provisioning')
        .or(page.getByTestId('status-ready'))
        .first(),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('approval-summary')).toContainText(
      'priya.natarajan',
    );
    await expect(
      page.getByText('capacity checked, within budget').first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('4-request-approved.png'),
      fullPage: true,
    });
    await priyaContext.close();
  });
});
