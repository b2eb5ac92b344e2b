import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test.describe('the Paved portal', () => {
  test('guest sign-in lands on the home page as the example developer', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page);
    await expect(page.getByText('Welcome to Paved')).toBeVisible();
    await page.goto('/settings');
    await expect(
      page.getByText('sam.rivera', { exact: false }).first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('home.png'),
      fullPage: true,
    });
  });

  test('development sign-in also offers the example platform engineer', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(page.getByText('Sam Rivera, developer')).toBeVisible({
      timeout: 60_000,
    });
    await page.screenshot({
      path: testInfo.outputPath('sign-in.png'),
      fullPage: true,
    });
    await signInAsGuest(page, '/settings', 'platform');
    await expect(
      page.getByText('priya.natarajan', { exact: false }).first(),
    ).toBeVisible();
  });

  test('the catalog lists the example components', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(
      page,
      '/catalog?filters[kind]=component&filters[user]=all',
    );
    await expect(
      page.getByRole('heading', { name: /All Components/ }).first(),
    ).toBeVisible();
    for (const name of [
      'paved',
      'payments-api',
      'ledger-service',
      'checkout-web',
    ]) {
      await expect(
        page.locator(`a[href="/catalog/default/component/${name}"]`).first(),
      ).toBeVisible();
    }
    await page.screenshot({
      path: testInfo.outputPath('catalog.png'),
      fullPage: true,
    });
  });

  test("Paved's component page shows its handbook in the docs tab", async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog/default/component/paved/docs');
    // TechDocs builds the site with mkdocs on first view; that can take a while.
    const docs = page.locator('[data-testid="techdocs-native-shadowroot"]');
    await expect(docs).toBeVisible({ timeout: 120_000 });
    await expect(docs.getByRole('heading', { level: 1 }).first()).toBeVisible({
      timeout: 120_000,
    });
    await expect(
      docs.getByText('golden path', { exact: false }).first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('paved-docs.png'),
      fullPage: true,
    });
  });

  test('an API page renders its OpenAPI definition', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog/default/api/payments-api');
    // Swagger UI renders operations as blocks with their HTTP method.
    await expect(page.locator('.opblock').first()).toBeVisible();
    await expect(page.locator('.opblock-summary-method').first()).toHaveText(
      /GET|POST|PUT|DELETE|PATCH/,
    );
    await page.screenshot({
      path: testInfo.outputPath('api-definition.png'),
      fullPage: true,
    });
  });

  test('search finds catalog entities and docs pages', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    await signInAsGuest(page);
    // The index is filled by scheduled collators after start-up, and docs are indexed once built
    // (the docs test above builds the handbook): retry until they are there.
    await expect(async () => {
      await page.goto('/search?query=ledger');
      await expect(
        page
          .locator('a[href="/catalog/default/component/ledger-service"]')
          .first(),
      ).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 120_000 });
    await page.screenshot({
      path: testInfo.outputPath('search-catalog.png'),
      fullPage: true,
    });
    await expect(async () => {
      await page.goto('/search?query=lead%20time');
      await expect(
        page.locator('a[href^="/docs/default/component/paved"]').first(),
      ).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 180_000 });
    await page.screenshot({
      path: testInfo.outputPath('search-docs.png'),
      fullPage: true,
    });
  });

  test('a malformed catalog file is reported on the home page, the rest of the catalog loads', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    // The portal for these tests loads packages/app/e2e-tests/fixtures/malformed-catalog-info.yaml.
    await signInAsGuest(page);
    await expect(async () => {
      await page.goto('/');
      await expect(page.getByTestId('catalog-problems')).toContainText(
        'malformed-catalog-info.yaml',
        { timeout: 10_000 },
      );
    }).toPass({ timeout: 180_000 });
    await expect(page.getByTestId('catalog-problems')).toContainText(
      'YAML error',
    );
    await page.screenshot({
      path: testInfo.outputPath('catalog-problems.png'),
      fullPage: true,
    });
    await page.getByRole('link', { name: 'All unprocessed entities' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Unprocessed Entities' }),
    ).toBeVisible();
    // Everything else is in the catalog.
    await page.goto('/catalog/default/component/payments-api');
    await expect(
      page.getByRole('heading', { name: /payments-api|Payments API/i }).first(),
    ).toBeVisible();
  });
});
