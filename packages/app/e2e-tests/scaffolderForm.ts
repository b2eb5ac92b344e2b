import type { Page } from '@playwright/test';

/**
 * Picks an entity in a scaffolder form's OwnerPicker or EntityPicker: an autocomplete
 * (a textbox labelled with the field's title) fed by the catalog.
 */
export async function chooseEntity(page: Page, label: RegExp, search: string) {
  const input = page.getByRole('textbox', { name: label }).first();
  await input.click();
  await input.fill(search);
  await page
    .getByRole('option', { name: new RegExp(search, 'i') })
    .first()
    .click();
}
