import { expect, test } from '@playwright/test';
import { openEntityTab } from './entityPage';
import { chooseEntity } from './scaffolderForm';

/*
 * The golden-path promise, end to end: a developer opens /create, picks the TypeScript service,
 * fills the form and clicks Create; the task log runs to completion, and the new component has
 * a catalog page that records its lineage and shows its docs. Publishing goes to Paved's local git
 * host, so this needs no GitHub.
 */
test.describe('golden paths', () => {
  test('creating a TypeScript service ends with a documented component in the catalog', async ({
    page,
  }, testInfo) => {
    // Generous: on a busy two-core machine the first catalog query and the mkdocs build are slow.
    test.setTimeout(600_000);
    const name = `e2e-ts-${Date.now().toString(36)}`;

    await page.goto('/create');
    // Development sign-in: the guest, resolved to user:default/sam.rivera.
    const enter = page
      .getByRole('listitem')
      .filter({ hasText: 'Sam Rivera, developer' })
      .getByRole('button', { name: 'Sign In' });
    const templates = page.getByRole('heading', { name: 'Templates' });
    // Sign-in needs the backend; while it (re)starts the click fails, so try again.
    await expect(async () => {
      if (await enter.isVisible()) {
        await enter.click();
      }
      await expect(templates.first()).toBeVisible({ timeout: 20_000 });
    }).toPass({ timeout: 240_000 });
    const card = page
      .locator('div')
      .filter({ hasText: 'TypeScript service' })
      .filter({ has: page.getByRole('button', { name: 'Choose' }) })
      .last();
    await expect(card).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('1-create.png'),
      fullPage: true,
    });
    await card.getByRole('button', { name: 'Choose' }).click();

    // Step 1: about the service. A name the catalog already has is refused by the form.
    const nameField = page.getByRole('textbox', { name: /^Name/ });
    await nameField.fill('ledger-service');
    await page
      .getByRole('textbox', { name: /^Description/ })
      .fill('Created by the end-to-end test');
    // OwnerPicker and EntityPicker are autocompletes fed by the catalog.
    await chooseEntity(page, /^Owner/, 'payments');
    await chooseEntity(page, /^System/, 'payments');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(
      page
        .getByText(
          'name: component:default/ledger-service already exists in the catalog',
        )
        .first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('2-name-taken.png'),
      fullPage: true,
    });
    await nameField.fill(name);
    await page.screenshot({
      path: testInfo.outputPath('2-form.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: technical choices keep their defaults (HTTP, no database).
    await expect(page.getByText('Technical choices').first()).toBeVisible();
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByText(name).first()).toBeVisible();
    await page.getByRole('button', { name: 'Create' }).click();

    // The task log: every step runs, then the output links appear.
    await expect(page).toHaveURL(/\/create\/tasks\//);
    const openInCatalog = page
      .getByRole('link', { name: 'Open in catalog' })
      .or(page.getByRole('button', { name: 'Open in catalog' }));
    await expect(openInCatalog.first()).toBeVisible({ timeout: 120_000 });
    // Output links only appear once every step has finished.
    await expect(
      page
        .getByRole('link', { name: 'Documentation' })
        .or(page.getByRole('button', { name: 'Documentation' }))
        .first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('3-task-completed.png'),
      fullPage: true,
    });

    // The new component's page, with its lineage.
    await openInCatalog.first().click();
    await expect(page).toHaveURL(
      new RegExp(`/catalog/default/component/${name}`),
    );
    await expect(page.getByText(name).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('created-from')).toContainText(
      /Created from TypeScript service \d+\.\d+\.\d+/,
      {
        timeout: 60_000,
      },
    );
    await page.screenshot({
      path: testInfo.outputPath('4-component.png'),
      fullPage: true,
    });

    // Its docs: TechDocs reads the repository from the local git host and builds them with mkdocs.
    await openEntityTab(page, 'TechDocs');
    await expect(page).toHaveURL(/\/docs/);
    const docs = page.locator('[data-testid="techdocs-native-shadowroot"]');
    await expect(docs).toBeVisible({ timeout: 120_000 });
    await expect(
      docs.getByRole('heading', { level: 1, name }).first(),
    ).toBeVisible({ timeout: 120_000 });
    await expect(
      docs.getByText('Created by the end-to-end test').first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('5-docs.png'),
      fullPage: true,
    });
  });
});
