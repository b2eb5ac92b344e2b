import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const MEASURE_CELL =
  /^(Too few samples \(\d+ of \d+\)|[\d.,]+ (\/ week|\/ month|min|h|days|%)[\d,]+ \w+)$/;

test.describe('the golden-path impact view', () => {
  test('compares services per template and version with services made from none, saying when samples are too few', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/devex');

    // The view is a tab of /devex, kept in the URL.
    await page.getByRole('tab', { name: 'Golden-path impact' }).click();
    await expect(page).toHaveURL(/view=impact/);
    const table = page.getByRole('table', { name: 'Golden-path impact' });
    await expect(table).toBeVisible({ timeout: 30_000 });
    await expect(
      table.getByRole('columnheader', { name: 'Lead time (median)' }),
    ).toBeVisible();

    // Services made from no template are always the last row, the baseline.
    const none = page.getByTestId('impact-cohort-none');
    await expect(none.getByRole('cell').first()).toHaveText('No template');

    // Every measure cell shows a value with its sample count, or says there are too few.
    const rows = table.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      const cells = rows.nth(i).getByRole('cell');
      for (let c = 2; c < 7; c++) {
        await expect(cells.nth(c)).toHaveText(MEASURE_CELL);
      }
    }
    await page.screenshot({
      path: testInfo.outputPath('devex-impact.png'),
      fullPage: true,
    });

    // Back on the delivery view, the review flow shows each stage or "No data".
    await page.getByRole('tab', { name: 'Delivery' }).click();
    await expect(page).not.toHaveURL(/view=impact/);
    for (const stage of ['coding', 'pickup', 'review', 'deploy']) {
      await expect(page.getByTestId(`review-stage-${stage}`)).toContainText(
        /No data|\d/,
        { timeout: 30_000 },
      );
    }
  });
});
