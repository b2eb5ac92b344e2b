import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { devexApiRef } from '../../api/DevexApi';
import { fullMetrics } from '../../testing/fixtures';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { lastDays } from '../../window/timeWindow';
import { DoraDashboard } from './DoraDashboard';

const deployment = {
  source: 'paved-demo',
  id: 'deploy-1',
  service: 'component:default/payments-api',
  environment: 'production',
  status: 'success' as const,
  finishedAt: '2026-11-20T10:00:00Z',
  startedAt: null,
  kind: 'normal' as const,
  remediates: null,
  commits: 3,
  failed: true,
  recoveredAt: '2026-11-20T12:30:00Z',
  rework: false,
  demo: true,
};

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

/** Every section loads on its own: the measures and incidents sections render too. */
async function untilEverySectionShows() {
  expect(
    await screen.findByText('Time to first production deployment'),
  ).toBeInTheDocument();
  expect(
    await screen.findByText('No incidents recorded for this scope yet.'),
  ).toBeInTheDocument();
}

describe('DoraDashboard', () => {
  const window = lastDays(90, new Date(2026, 10, 23));

  it('labels figures from the demo seed as demo data', async () => {
    const api = mockDevexApi({
      getDoraMetrics: jest
        .fn()
        .mockResolvedValue(
          fullMetrics({ demo: true, sources: ['paved-demo'] }),
        ),
      getDeployments: jest.fn().mockResolvedValue({ items: [deployment] }),
    });
    renderInTestApp(
      <DoraDashboard scope={{ kind: 'organization' }} window={window} />,
      {
        apis: [[devexApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByTestId('demo-data-banner')).toHaveTextContent(
      'Demo data',
    );
    expect(await screen.findByText(/recovered in 2.5 h/)).toBeInTheDocument();
    // The row of a seeded deployment carries its own label.
    expect(screen.getByText('Demo data')).toBeInTheDocument();
    await untilEverySectionShows();
  });

  it('shows no demo label for real data and queries the chosen scope and window', async () => {
    const api = mockDevexApi();
    renderInTestApp(
      <DoraDashboard
        scope={{ kind: 'group', group: 'group:default/payments' }}
        window={window}
      />,
      { apis: [[devexApiRef, api]] },
    );
    expect(await screen.findByText('10 / week')).toBeInTheDocument();
    expect(screen.queryByTestId('demo-data-banner')).not.toBeInTheDocument();
    expect(api.getDoraMetrics).toHaveBeenCalledWith({
      scope: { kind: 'group', group: 'group:default/payments' },
      from: window.from,
      to: window.to,
    });
    expect(
      await screen.findByText('No deployments recorded for this scope yet.'),
    ).toBeInTheDocument();
    // The weekly trends draw a chart for each measure with data in the window.
    expect(await screen.findByTestId('chart-deployments')).toBeInTheDocument();
    expect(screen.getByText('Deployments per week')).toBeInTheDocument();
    await untilEverySectionShows();
  });

  it('shows an error for a failing section and keeps the others', async () => {
    const api = mockDevexApi({
      getDoraSeries: jest
        .fn()
        .mockRejectedValue(new Error('series store unavailable')),
    });
    renderInTestApp(
      <DoraDashboard scope={{ kind: 'organization' }} window={window} />,
      { apis: [[devexApiRef, api]] },
    );
    expect(
      (await screen.findAllByText(/series store unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(await screen.findByText('10 / week')).toBeInTheDocument();
    await untilEverySectionShows();
  });
});
