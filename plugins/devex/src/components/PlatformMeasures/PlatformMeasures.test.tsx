import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { devexApiRef } from '../../api/DevexApi';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { lastDays } from '../../window/timeWindow';
import { PlatformMeasures } from './PlatformMeasures';

jest.setTimeout(30_000);

describe('PlatformMeasures', () => {
  it('shows uptime, provisioning success and feedback by page and category', async () => {
    const api = mockDevexApi();
    renderInTestApp(
      <PlatformMeasures window={lastDays(90, new Date(2026, 10, 23))} />,
      { apis: [[devexApiRef, api]] },
    );
    // 20100 of 20160 minutes up.
    expect(await screen.findByTestId('availability-uptime')).toHaveTextContent(
      '99.70 %',
    );
    expect(
      screen.getByText(/60\s+minutes without a probe/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('provisioning-success')).toHaveTextContent(
      '75 % succeeded',
    );
    expect(screen.getByTestId('feedback-average')).toHaveTextContent(
      '3.33 / 5',
    );
    expect(screen.getByText('/catalog')).toBeInTheDocument();
    expect(screen.getByText('Something is broken')).toBeInTheDocument();
  });

  it('says "No data" rather than 0 % before anything was measured', async () => {
    const api = mockDevexApi({
      getAvailability: jest.fn().mockResolvedValue({
        window: { from: '', to: '' },
        timeZone: 'UTC',
        firstProbeAt: null,
        measuredMinutes: 0,
        upMinutes: 0,
        probedDownMinutes: 0,
        missingMinutes: 0,
        uptime: null,
        weeks: [],
      }),
    });
    renderInTestApp(
      <PlatformMeasures window={lastDays(90, new Date(2026, 10, 23))} />,
      { apis: [[devexApiRef, api]] },
    );
    expect(await screen.findByTestId('availability-uptime')).toHaveTextContent(
      'No data',
    );
  });
});
