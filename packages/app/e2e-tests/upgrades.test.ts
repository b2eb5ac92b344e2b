import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/*
 * Template upgrades, end to end (issue 14): a fresh portal's example organisation holds
 * inventory-api, made from the TypeScript golden path at 1.0.0 and edited since (example data,
 * goldenPaths.exampleData.seed). Sam Rivera (payments, its owner) opens Template drift, proposes
 * the upgrade to 1.1.0, reviews the merge request Paved opened on the local git host and merges
 * it; the component then records 1.1.0.
 *
 * The merge step uses the git host's merge-request page (plugin githost, /git/<repo>/merge-requests/<id>,
 * its "Merge" button).
 */
test.describe('template upgrades', () => {
  test('drift view → propose → merge brings inventory-api to 1.1.0', async ({
    page,
  }, testInfo) => {
    // The example service is seeded ~15 s after the backend starts, then read by the catalog.
    test.setTimeout(600_000);
    await signInAsGuest(page, '/template-drift');
    await expect(
      page.getByRole('heading', { name: 'Template drift' }),
    ).toBeVisible();

    const card = page.getByTestId('drift-typescript-service');
    const row = card.getByRole('row').filter({ hasText: 'inventory-api' });
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 300_000 });
    await expect(
      card
        .getByText('Latest version 1.1.0')
        .or(page.getByText('Latest version 1.1.0'))
        .first(),
    ).toBeVisible();
    await expect(row.getByText('1.0.0')).toBeVisible();
    await expect(row.getByTestId('upgrade-state-outdated')).toHaveText(
      'Upgrade available',
    );
    await page.screenshot({
      path: testInfo.outputPath('1-drift.png'),
      fullPage: true,
    });

    await row.getByRole('button', { name: 'Propose upgrade' }).click();
    await expect(row.getByTestId('upgrade-state-proposed')).toBeVisible({
      timeout: 60_000,
    });
    const review = row.getByRole('link', { name: 'Review change' });
    await expect(review).toHaveAttribute(
      'href',
      /\/git\/inventory-api\/merge-requests\/\d+$/,
    );
    await page.screenshot({
      path: testInfo.outputPath('2-proposed.png'),
      fullPage: true,
    });

    // The merge request on the local git host: its diff brings Dependabot, and the owner merges.
    await review.click();
    await expect(page).toHaveURL(/\/git\/inventory-api\/merge-requests\/\d+$/);
    await expect(
      page
        .getByText('Upgrade to template:default/typescript-service 1.1.0')
        .first(),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByText('.github/dependabot.yml').first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('3-merge-request.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    // Wait for the merge itself (the description already says "It merged cleanly"): leaving the
    // page earlier would cancel the request in flight.
    await expect(
      page.getByText(/^Merged by user:default\/sam\.rivera as /),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      page.getByRole('button', { name: 'Merge', exact: true }),
    ).toHaveCount(0);

    // The merge updated catalog-info.yaml in the repository and Paved refreshed the component.
    await page.goto('/template-drift');
    await expect(async () => {
      await page.reload();
      await expect(row.getByTestId('upgrade-state-current')).toBeVisible({
        timeout: 10_000,
      });
    }).toPass({ timeout: 180_000 });
    await expect(row.getByText('1.1.0')).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('4-current.png'),
      fullPage: true,
    });

    await page.goto('/catalog/default/component/inventory-api');
    await expect(page.getByTestId('created-from')).toHaveText(
      'Created from TypeScript service 1.1.0',
      { timeout: 60_000 },
    );
  });
});
