import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { emptyMetrics, fullMetrics } from '../../testing/fixtures';
import { levelBandSets } from '@paved/plugin-devex-common';
import { DoraMetricCards } from './DoraMetricCards';

const cardIds = [
  'metric-deployment-frequency',
  'metric-lead-time',
  'metric-change-failure-rate',
  'metric-recovery-time',
  'metric-rework-rate',
];

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

describe('DoraMetricCards', () => {
  it('shows "No data" and no level for every metric without samples, never 0 or Elite', async () => {
    renderInTestApp(<DoraMetricCards metrics={emptyMetrics()} />);
    for (const id of cardIds) {
      const card = screen.getByTestId(id);
      expect(within(card).getByText('No data')).toBeInTheDocument();
      expect(within(card).queryByText(/^0/)).not.toBeInTheDocument();
      expect(within(card).queryByText(/^Elite/)).not.toBeInTheDocument();
    }
    // Four banded metrics, each without a level; rework rate has no bands at all.
    expect(screen.getAllByText('No level · DORA 2023')).toHaveLength(4);
    expect(screen.getByText(/time to restore has no data/)).toBeInTheDocument();
  });

  it('shows figures and the level of each banded metric', async () => {
    renderInTestApp(<DoraMetricCards metrics={fullMetrics()} />);
    const frequency = screen.getByTestId('metric-deployment-frequency');
    expect(within(frequency).getByText('10 / week')).toBeInTheDocument();
    expect(
      within(frequency).getByText('Elite · DORA 2023'),
    ).toBeInTheDocument();

    const leadTime = screen.getByTestId('metric-lead-time');
    expect(within(leadTime).getByText('30 h')).toBeInTheDocument();
    expect(
      within(leadTime).getByText(/412 commits · p90 3.3 days/),
    ).toBeInTheDocument();
    expect(within(leadTime).getByText('High · DORA 2023')).toBeInTheDocument();

    const failureRate = screen.getByTestId('metric-change-failure-rate');
    expect(within(failureRate).getByText('20 %')).toBeInTheDocument();
    expect(
      within(failureRate).getByText('Low · DORA 2023'),
    ).toBeInTheDocument();
    expect(
      within(failureRate).getByText(/26 of 130 deployments/),
    ).toBeInTheDocument();

    const recovery = screen.getByTestId('metric-recovery-time');
    expect(within(recovery).getByText('5.5 h')).toBeInTheDocument();
    expect(within(recovery).getByText(/2 still open/)).toBeInTheDocument();

    const rework = screen.getByTestId('metric-rework-rate');
    expect(within(rework).getByText('10 %')).toBeInTheDocument();
    expect(within(rework).queryByTestId('level-badge')).not.toBeInTheDocument();

    expect(screen.queryByText('No data')).not.toBeInTheDocument();
    expect(
      screen.getByText(/bands of the Accelerate State of DevOps Report 2023/),
    ).toBeInTheDocument();
  });

  it('treats a single null metric as missing while the others have data', async () => {
    renderInTestApp(
      <DoraMetricCards
        metrics={fullMetrics({
          recoveryTime: { medianHours: null, samples: 0, open: 3, level: null },
        })}
      />,
    );
    const recovery = screen.getByTestId('metric-recovery-time');
    expect(within(recovery).getByText('No data')).toBeInTheDocument();
    expect(
      within(recovery).getByText('No level · DORA 2023'),
    ).toBeInTheDocument();
    expect(
      within(recovery).getByText('3 failed deployments not yet recovered'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('No data')).toHaveLength(1);
  });
  it('names the report behind every badge, and shows no tier when the report has none', async () => {
    renderInTestApp(
      <DoraMetricCards
        metrics={fullMetrics({
          bands: null,
          reportYear: 2025,
          levelBands: { ...levelBandSets.none, adjusted: false },
          deploymentFrequency: { deployments: 130, perWeek: 10.1, level: null },
        })}
      />,
    );
    const frequency = screen.getByTestId('metric-deployment-frequency');
    expect(within(frequency).getByTestId('level-badge')).toHaveTextContent(
      'No tiers · DORA 2025',
    );
    expect(
      screen.getByText(/DORA 2025 dropped the performance tiers/),
    ).toBeInTheDocument();
  });
});
