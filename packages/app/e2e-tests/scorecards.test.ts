import { expect, test } from '@playwright/test';
import { openEntityTab } from './entityPage';
import { BACKEND, signInAsGuest } from './signIn';

/** The CI token (backend.auth.externalAccess), as a pipeline sends it; scripts/env.sh exports it. */
function ciToken(): string {
  const token = process.env.PAVED_CI_TOKEN;
  if (!token)
    throw new Error('PAVED_CI_TOKEN is not set: run through scripts/e2e.sh');
  return token;
}

/** What `helm template` of a chart with a sidecar that forgot its limits renders. */
const manifests = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'payments-api' },
    spec: {
      template: {
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 65532 },
          containers: [
            {
              name: 'payments-api',
              resources: { limits: { cpu: '500m', memory: '256Mi' } },
              securityContext: {
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
              },
            },
            {
              name: 'envoy',
              securityContext: {
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
              },
            },
          ],
        },
      },
    },
  },
];

test.describe('scorecards', () => {
  test('the Scorecard tab of a component shows its level, each check with why, and the fix', async ({
    page,
    request,
  }, testInfo) => {
    // CI reports coverage and the rendered chart; policies name the container without limits.
    const pushed = await request.post(`${BACKEND}/api/scorecards/facts`, {
      headers: { Authorization: `Bearer ${ciToken()}` },
      data: {
        entityRef: 'component:default/payments-api',
        facts: [{ id: 'ci.coverage', value: 72.5 }],
        manifests,
      },
    });
    expect(pushed.status()).toBe(200);
    expect(await pushed.json()).toMatchObject({ violations: 2 });

    await signInAsGuest(page, '/catalog/default/component/payments-api');
    await openEntityTab(page, 'Scorecard');
    await expect(page.getByText('Production readiness')).toBeVisible();

    const memory = page.getByTestId('check-memory-limits');
    await expect(memory).toContainText('Fail');
    await expect(memory).toContainText(
      'container envoy must set resources.limits.memory',
    );
    const coverage = page.getByTestId('check-test-coverage');
    await expect(coverage).toContainText('ci.coverage is 72.5, expected >= 80');
    // A fact nobody could read is unknown with its reason, not a failure.
    const runbook = page.getByTestId('check-has-runbook');
    await expect(runbook).toContainText('Unknown');
    await expect(runbook).toContainText(
      'no backstage.io/source-location annotation',
    );
    // Catalog facts of the example organisation: owned by a group, part of a system.
    await expect(page.getByTestId('check-owner-is-group')).toContainText(
      'Pass',
    );
    await expect(page.getByTestId('check-has-system')).toContainText('Pass');

    await memory.getByRole('button', { name: 'How to fix' }).click();
    await expect(
      page
        .getByText('Set `resources.limits.memory`', { exact: false })
        .or(page.getByText('resources.limits.memory for every container'))
        .first(),
    ).toBeVisible();

    await page.screenshot({
      path: testInfo.outputPath('scorecard-tab.png'),
      fullPage: true,
    });
  });

  test("a team's heat map shows its entities against every check", async ({
    page,
  }, testInfo) => {
    // A laptop-sized window: all 21 checks fit without scrolling sideways.
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAsGuest(
      page,
      '/scorecards/teams?team=group%3Adefault%2Fpayments',
    );
    // The catalog sync measures every component within a minute of start-up.
    await expect(async () => {
      await page.goto('/scorecards/teams?team=group%3Adefault%2Fpayments');
      await expect(page.getByTestId('heat-map')).toBeVisible({
        timeout: 10_000,
      });
    }).toPass({ timeout: 120_000 });
    const heatMap = page.getByTestId('heat-map');
    await expect(
      heatMap.getByRole('link', { name: 'Payments API' }),
    ).toBeVisible();
    await expect(
      heatMap.getByRole('columnheader', { name: 'Memory limits' }),
    ).toBeVisible();
    await expect(heatMap.locator('[data-status="pass"]').first()).toBeVisible();
    await expect(
      heatMap.locator('[data-status="unknown"]').first(),
    ).toBeVisible();
    // Checks are grouped by level, and the last check's column is on screen, not scrolled off.
    await expect(
      heatMap.getByRole('columnheader', { name: 'Gold', exact: true }),
    ).toBeVisible();
    const lastCheck = heatMap.locator('thead tr').last().locator('th').last();
    await expect(lastCheck).toBeInViewport({ ratio: 1 });
    expect(
      await heatMap.evaluate(
        table =>
          table.parentElement!.scrollWidth - table.parentElement!.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: testInfo.outputPath('team-heat-map.png'),
      fullPage: true,
    });

    await page.goto('/scorecards');
    await expect(
      page.getByText('Production readiness: the organisation'),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('scorecards-overview.png'),
      fullPage: true,
    });
  });
});
