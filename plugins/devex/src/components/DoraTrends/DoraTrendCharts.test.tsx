import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { series } from '../../testing/fixtures';
import { DoraTrendCharts } from './DoraTrendCharts';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

const charts = {
  'chart-deployments': 'Deployments per week',
  'chart-lead-time': 'Lead time for changes',
  'chart-change-failure-rate': 'Change failure rate',
  'chart-recovery-time': 'Failed deployment recovery time',
};

describe('DoraTrendCharts', () => {
  it('draws the four weekly charts in their cards', async () => {
    renderInTestApp(<DoraTrendCharts series={series()} />);
    for (const [testId, title] of Object.entries(charts)) {
      expect(screen.getByText(title)).toBeInTheDocument();
      expect(
        within(screen.getByTestId(testId)).queryByText(
          'No data in this window',
        ),
      ).not.toBeInTheDocument();
    }
    expect(
      screen.getByText('Per ISO week, weeks starting Monday in Europe/Berlin'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Weekly median, hours')).toHaveLength(2);
    expect(
      screen.getByText('Weekly, % of production deployments'),
    ).toBeInTheDocument();
  });

  it('says "No data" for each chart whose weeks have no samples, not a line at zero', async () => {
    const deploymentsOnly = series();
    deploymentsOnly.points = deploymentsOnly.points.map(point => ({
      ...point,
      deployments: 3,
      leadTimeMedianHours: null,
      changeFailureRate: null,
      recoveryMedianHours: null,
    }));
    renderInTestApp(<DoraTrendCharts series={deploymentsOnly} />);
    expect(
      within(screen.getByTestId('chart-deployments')).queryByText(
        'No data in this window',
      ),
    ).not.toBeInTheDocument();
    for (const testId of [
      'chart-lead-time',
      'chart-change-failure-rate',
      'chart-recovery-time',
    ]) {
      expect(
        within(screen.getByTestId(testId)).getByText('No data in this window'),
      ).toBeInTheDocument();
    }
  });
});
