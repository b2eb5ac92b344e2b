import { expect, test, type Page } from '@playwright/test';
import { chooseEntity } from './scaffolderForm';
import { BACKEND, signInAsGuest, tokenOf } from './signIn';

/*
 * Approvals and cost, end to end: Sam (payments) requests a production database and sees its
 * estimated monthly cost in the form and on the request page; it waits for approval. Priya, a
 * platform engineer, finds it in her approvals inbox with its cost and what it creates, approves
 * it, and the request moves on to provisioning with her approval recorded. Once the database is
 * ready, Sam rotates its credentials from the request page (no approval needed for a rotation; the
 * old login keeps working through the grace period). The e2e portal's production databases are
 * sandbox ones on the local PostgreSQL (app-config.e2e.yaml), so the request really reaches ready.
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
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    const name = `e2e-prod-${Date.now().toString(36)}`;

    // Sam fills the form; the estimate follows what he types.
    await signInAsGuest(page, '/create');
    const card = page
      .locator('div')
      .filter({ hasText: 'Request a database or cache' })
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
    const storage = page.getByRole('spinbutton', { name: /^Capacity/ });
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
    const inboxLink = priya
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: /^Approvals/ });
    await inboxLink.click();
    await expect(priya).toHaveURL(/\/provisioning\/approvals/);
    const approvalCard = priya.getByTestId(`approval-card-${requestId}`);
    await expect(approvalCard).toBeVisible({ timeout: 60_000 });
    // The sidebar counts what waits for her (other tests' requests may wait too).
    await expect(inboxLink).toHaveText(/Approvals \(\d+\)/);
    const pendingBefore = Number(
      /\((\d+)\)/.exec((await inboxLink.textContent()) ?? '')![1],
    );
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
    // A toast says so and links the request; approved, it leaves the inbox.
    const toast = priya.getByRole('alertdialog', { name: 'Request approved' });
    await expect(toast).toBeVisible({ timeout: 30_000 });
    await expect(
      toast.getByRole('link', { name: 'Open request' }),
    ).toHaveAttribute('href', requestUrl);
    await priya.screenshot({
      path: testInfo.outputPath('3b-approved-toast.png'),
      fullPage: true,
    });
    await expect(approvalCard).toHaveCount(0, { timeout: 30_000 });
    // The count follows at once (a signal), not on the next minute's poll.
    await expect(inboxLink).toHaveText(
      pendingBefore > 1 ? `Approvals (${pendingBefore - 1})` : 'Approvals',
      { timeout: 15_000 },
    );

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

    // Provisioned, Sam rotates the credentials of his production database.
    await expect(page.getByTestId('status-ready').first()).toBeVisible({
      timeout: 120_000,
    });
    await page.getByRole('button', { name: 'Rotate credentials' }).click();
    const history = page.getByRole('table', { name: 'operations' });
    await expect(
      history
        .getByTestId('operation-rotate-credentials')
        .getByText(/grace period/),
    ).toBeVisible({ timeout: 60_000 });
    await page.screenshot({
      path: testInfo.outputPath('5-credentials-rotated.png'),
      fullPage: true,
    });

    // Priya removes the database again (production deletion is the platform team's).
    const priyaToken = await tokenOf(request, 'guest-platform');
    await request.delete(`${BACKEND}/api/provisioning/requests/${requestId}`, {
      headers: { Authorization: `Bearer ${priyaToken}` },
    });
    await priyaContext.close();
  });
});
