import { expect, test } from '@playwright/test';
import { chooseEntity } from './scaffolderForm';
import { signInAsGuest } from './signIn';

/*
 * A Redis cache through the same form: the developer picks the engine Redis, the sandbox provider
 * creates an ACL user on the local Redis, the request page shows its key prefix, and the cache is
 * in the catalog as a Resource of type cache.
 */
test.describe('self-service Redis', () => {
  test('requesting a development Redis ends with a ready cache Resource in the catalog', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    const name = `e2e-cache-${Date.now().toString(36)}`;

    await signInAsGuest(page, '/create');
    const card = page
      .locator('div')
      .filter({ hasText: 'Request a database or cache' })
      .filter({ has: page.getByRole('button', { name: 'Choose' }) })
      .last();
    await expect(card).toBeVisible({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Choose' }).click();

    // Step 1: the engine, then the cache and its owner; the version list follows the engine.
    await page.getByRole('button', { name: /^Engine/ }).click();
    await page.getByRole('option', { name: /^Redis/ }).click();
    await expect(page.getByText('Redis version').first()).toBeVisible();
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await chooseEntity(page, /^Owning team/, 'payments');
    await page.screenshot({
      path: testInfo.outputPath('1-form-redis.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: capacity is memory for Redis; 2 GB fits development's bounds.
    await page.getByRole('spinbutton', { name: /^Capacity/ }).fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByText(name).first()).toBeVisible();
    await page.getByRole('button', { name: 'Create' }).click();

    await expect(page).toHaveURL(/\/create\/tasks\//);
    const requestLink = page
      .getByRole('link', { name: 'Database request' })
      .or(page.getByRole('button', { name: 'Database request' }));
    await expect(page.getByText(/is \*?\*?ready/).first()).toBeVisible({
      timeout: 180_000,
    });
    await requestLink.first().click();
    await expect(page).toHaveURL(/\/provisioning\/requests\//);
    await expect(page.getByTestId('status-ready').first()).toBeVisible({
      timeout: 60_000,
    });
    // The connection facts name the Redis user; its keys live under "<user>:".
    await expect(page.getByText(/paved_e2e_cache_/).first()).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('2-request-redis.png'),
      fullPage: true,
    });

    const resourceUrl = `/catalog/default/resource/${name}-development`;
    await expect(async () => {
      await page.goto(resourceUrl);
      await expect(page.getByText(`${name} (development)`).first()).toBeVisible(
        { timeout: 10_000 },
      );
    }).toPass({ timeout: 120_000 });
    await expect(
      page.getByText('cache', { exact: true }).first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('3-resource-cache.png'),
      fullPage: true,
    });
  });
});
