import { expect, test } from '@playwright/test';
import { openEntityTab } from './entityPage';
import { chooseEntity } from './scaffolderForm';
import { signInAsGuest } from './signIn';

/*
 * Self-service databases, end to end: a developer of the payments team fills the "Request a
 * database or cache" form (engine PostgreSQL, the default), the task waits until the sandbox provider has created a real database
 * on the local PostgreSQL, the request page shows it ready, and the database is in the catalog as a
 * Resource owned by the team.
 */
test.describe('self-service databases', () => {
  test('requesting a development database ends with a ready Resource in the catalog', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    const name = `e2e-db-${Date.now().toString(36)}`;

    await signInAsGuest(page, '/create');
    await expect(
      page.getByRole('heading', { name: 'Templates' }).first(),
    ).toBeVisible();
    const card = page
      .locator('div')
      .filter({ hasText: 'Request a database or cache' })
      .filter({ has: page.getByRole('button', { name: 'Choose' }) })
      .last();
    await expect(card).toBeVisible({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Choose' }).click();

    // Step 1: the database and its owner.
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await chooseEntity(page, /^Owning team/, 'payments');
    await chooseEntity(page, /^System/, 'payments');
    await page.screenshot({
      path: testInfo.outputPath('1-form.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: the policy is shown in the form, with the team's remaining quota.
    await expect(
      page.getByRole('table', { name: 'Provisioning policy' }),
    ).toBeVisible();
    await expect(page.getByTestId('quota')).toContainText(
      'group:default/payments has',
    );
    await page.screenshot({
      path: testInfo.outputPath('2-policy.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByText(name).first()).toBeVisible();
    await page.getByRole('button', { name: 'Create' }).click();

    // The task waits until the database is ready; its output links to the Resource.
    await expect(page).toHaveURL(/\/create\/tasks\//);
    const inCatalog = page
      .getByRole('link', { name: 'Database in the catalog' })
      .or(page.getByRole('button', { name: 'Database in the catalog' }));
    await expect(inCatalog.first()).toBeVisible({ timeout: 180_000 });
    await expect(page.getByText(/is \*?\*?ready/).first()).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('3-task-completed.png'),
      fullPage: true,
    });

    // The request page: ready, with connection facts and the timeline.
    const requestLink = page
      .getByRole('link', { name: 'Database request' })
      .or(page.getByRole('button', { name: 'Database request' }));
    await requestLink.first().click();
    await expect(page).toHaveURL(/\/provisioning\/requests\//);
    await expect(page.getByTestId('status-ready').first()).toBeVisible({
      timeout: 60_000,
    });
    // Card titles are text, not headings.
    await expect(page.getByText('Connection', { exact: true })).toBeVisible();
    await expect(page.getByText('127.0.0.1').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Audit log' })).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('4-request.png'),
      fullPage: true,
    });

    // The Resource in the catalog, owned by the team. The entity provider delivers it on its
    // next run, so the page is reloaded until it is there.
    const resourceUrl = `/catalog/default/resource/${name}-development`;
    await expect(async () => {
      await page.goto(resourceUrl);
      await expect(page.getByText(`${name} (development)`).first()).toBeVisible(
        { timeout: 10_000 },
      );
    }).toPass({ timeout: 120_000 });
    await expect(page.getByText('payments').first()).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('5-resource.png'),
      fullPage: true,
    });

    // Its "Database" tab shows the same request.
    await openEntityTab(page, 'Database');
    await expect(page.getByTestId('status-ready').first()).toBeVisible({
      timeout: 60_000,
    });
    await page.screenshot({
      path: testInfo.outputPath('6-resource-database-tab.png'),
      fullPage: true,
    });
  });
});
