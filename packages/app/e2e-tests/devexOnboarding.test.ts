import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const MILESTONE =
  /^To first (merged change|production deployment)(No data|[\d.,]+ (min|h|days))(p75 [\d.,]+ (min|h|days) · )?[\d,]+ (person|people) · [\d,]+ not yet$/;

test.describe('time to onboard on the DevEx page', () => {
  test('shows both milestones for the organisation and a team, with who is not there yet', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/devex');

    const firstMerge = page.getByTestId('onboarding-firstMerge');
    const firstDeploy = page.getByTestId('onboarding-firstDeploy');
    await expect(firstMerge).toHaveText(MILESTONE, { timeout: 30_000 });
    await expect(firstDeploy).toHaveText(MILESTONE);
    await expect(
      page.getByText(/^[\d,]+ (person|people) started in the window$/),
    ).toBeVisible();
    await firstMerge.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: testInfo.outputPath('devex-onboarding.png'),
      fullPage: true,
    });

    // A team narrows it to its members (sub-teams included).
    await page.getByRole('button', { name: /^Open team payments$/i }).click();
    await expect(page).toHaveURL(/team=group%3Adefault%2Fpayments/);
    await expect(firstMerge).toHaveText(MILESTONE, { timeout: 30_000 });
  });
});
