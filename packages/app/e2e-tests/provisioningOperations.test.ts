import { expect, test } from '@playwright/test';
import { BACKEND, signInAsGuest, tokenOf } from './signIn';

/*
 * Operations on a ready database, as a developer of the owning team does them on the request page:
 * a real sandbox database on the local PostgreSQL gets a snapshot, its credentials rotated (the
 * grace period shows), and is restored from the snapshot (a safety snapshot appears).
 */
test.describe('operations on a ready database', () => {
  test('snapshot, rotate credentials and restore from the request page', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    const sam = await tokenOf(request, 'guest');
    const filed = await request.post(`${BACKEND}/api/provisioning/requests`, {
      headers: { Authorization: `Bearer ${sam}` },
      data: {
        type: 'postgresql',
        name: `e2e-ops-${Date.now().toString(36)}`,
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 1,
      },
    });
    expect(filed.status()).toBe(201);
    const { id } = await filed.json();

    await signInAsGuest(page, `/provisioning/requests/${id}`);
    await expect(page.getByTestId('status-ready').first()).toBeVisible({
      timeout: 120_000,
    });
    await expect(page.getByText('Operations', { exact: true })).toBeVisible();
    await expect(page.getByText('No operations yet.')).toBeVisible();

    // Snapshot: it appears in the history as done and in the snapshots list with its size.
    await page.getByRole('button', { name: 'Snapshot now' }).click();
    const history = page.getByRole('table', { name: 'operations' });
    await expect(
      history.getByTestId('operation-snapshot').getByText('done'),
    ).toBeVisible({ timeout: 60_000 });
    const snapshots = page.getByRole('table', { name: 'snapshots' });
    await expect(snapshots.getByTestId('snapshot')).toHaveCount(1);
    await expect(snapshots.getByText(/\d+(\.\d)? (B|KiB|MiB)/)).toBeVisible();

    // Rotation: the new login is issued at once, the old one works through the grace period.
    await page.getByRole('button', { name: 'Rotate credentials' }).click();
    await expect(
      history
        .getByTestId('operation-rotate-credentials')
        .getByText(/grace period/),
    ).toBeVisible({ timeout: 60_000 });
    await page.screenshot({
      path: testInfo.outputPath('1-snapshot-and-rotation.png'),
      fullPage: true,
    });

    // Restore: confirmed in a dialog; a safety snapshot is taken first.
    await snapshots.getByRole('button', { name: 'Restore' }).first().click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Restore' })
      .click();
    await expect(
      history.getByTestId('operation-restore').getByText('done'),
    ).toBeVisible({ timeout: 120_000 });
    await expect(snapshots.getByText(/\(safety\)/)).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('2-restored.png'),
      fullPage: true,
    });

    // The platform engineer removes the database again.
    const priya = await tokenOf(request, 'guest-platform');
    await request.delete(`${BACKEND}/api/provisioning/requests/${id}`, {
      headers: { Authorization: `Bearer ${priya}` },
    });
  });
});
