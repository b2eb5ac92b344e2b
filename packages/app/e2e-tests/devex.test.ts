import { expect, test, type Page } from '@playwright/test';
import { openEntityTab } from './entityPage';
import { signInAsGuest } from './signIn';

const METRICS = [
  'Deployment frequency',
  'Lead time for changes',
  'Change failure rate',
  'Failed deployment recovery time',
  'Rework rate',
];

/** Each DORA card shows a figure or says "No data"; banded ones also carry a level badge. */
async function expectMetricCards(page: Page) {
  for (const title of METRICS) {
    const card = page.getByRole('region', { name: title, exact: true });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('metric-value')).toHaveText(
      /^(No data|[\d.,]+ (\/ week|\/ month|min|h|days|%))$/,
    );
  }
  for (const title of METRICS.slice(0, 4)) {
    await expect(
      page
        .getByRole('region', { name: title, exact: true })
        .getByTestId('level-badge'),
    ).toHaveText(/Elite|High|Medium|Low|No level/);
  }
}

test.describe('the DevEx dashboard', () => {
  test('shows DORA metrics for the organisation and drills into a team and a service', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/devex');

    // The development portal seeds demo events shortly after start-up (a scheduled task);
    // once they are there, the dashboard must say they are demo data.
    await expect(async () => {
      await page.goto('/devex');
      await expect(page.getByTestId('demo-data-banner')).toContainText(
        'Demo data',
        { timeout: 10_000 },
      );
    }).toPass({ timeout: 120_000 });
    await expect(
      page.getByRole('heading', { level: 1, name: 'Paved Example Org' }),
    ).toBeVisible();
    await expectMetricCards(page);
    await expect(
      page.getByText(/bands of the Accelerate State of DevOps Report 2023/),
    ).toBeVisible();
    // With 90 days of seeded deployments the organisation has a real deployment frequency.
    await expect(
      page
        .getByRole('region', { name: 'Deployment frequency', exact: true })
        .getByTestId('level-badge'),
    ).toHaveText(/Elite|High|Medium|Low/);
    await expect(
      page.getByTestId('chart-deployments').locator('svg').first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('devex-organisation.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: /^Open team payments$/i }).click();
    await expect(page).toHaveURL(/team=group%3Adefault%2Fpayments/);
    await expect(
      page.getByRole('heading', { level: 1, name: /^payments$/i }),
    ).toBeVisible();
    await expectMetricCards(page);
    const services = page.getByRole('region', { name: 'Services' });
    await expect(
      services.getByRole('button', {
        name: /Open service (ledger-service|Ledger service)$/i,
      }),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('devex-team-payments.png'),
      fullPage: true,
    });

    await services
      .getByRole('button', {
        name: /Open service (payments-api|Payments API)$/i,
      })
      .click();
    await expect(page).toHaveURL(/service=component%3Adefault%2Fpayments-api/);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: /^(payments-api|Payments API)$/i,
      }),
    ).toBeVisible();
    await expectMetricCards(page);
    await expect(
      page.getByRole('heading', { name: 'Recent deployments' }),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('devex-service-payments-api.png'),
      fullPage: true,
    });

    // A shorter window is a different query; the range shown follows it.
    const range = await page.getByTestId('window-range').textContent();
    await page.getByRole('button', { name: '30 days' }).click();
    await expect(page).toHaveURL(/window=30/);
    await expect(page.getByTestId('window-range')).not.toHaveText(range ?? '');
    await expectMetricCards(page);

    // Back walks up the drill-down.
    await page.goBack();
    await page.goBack();
    await expect(
      page.getByRole('heading', { level: 1, name: /^payments$/i }),
    ).toBeVisible();
  });

  test('component and group pages have a DORA tab', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog/default/component/payments-api');
    await openEntityTab(page, 'DORA');
    await expect(
      page.getByText(/Delivery performance of this service/),
    ).toBeVisible();
    await expectMetricCards(page);
    await page.screenshot({
      path: testInfo.outputPath('devex-component-tab.png'),
      fullPage: true,
    });

    await page.goto('/catalog/default/group/payments');
    await openEntityTab(page, 'DORA');
    await expect(
      page.getByText(/pooled over every service this team owns/),
    ).toBeVisible();
    await expectMetricCards(page);
    await page.screenshot({
      path: testInfo.outputPath('devex-group-tab.png'),
      fullPage: true,
    });
  });
});
