import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { devexApiRef } from '../../api/DevexApi';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { onboarding } from '../../testing/fixtures';
import { Onboarding } from './Onboarding';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

const window = {
  from: new Date('2026-08-26T00:00:00Z'),
  to: new Date('2026-11-24T00:00:00Z'),
} as any;

describe('Onboarding', () => {
  it("shows each milestone's median, p75 and who is not there yet, for the selected team", async () => {
    const devexApi = mockDevexApi();
    renderInTestApp(
      <Onboarding group="group:default/payments" window={window} />,
      { apis: [[devexApiRef, devexApi]] },
    );
    expect(
      await screen.findByTestId('onboarding-firstMerge'),
    ).toHaveTextContent(
      'To first merged change30 hp75 2.2 days · 4 people · 1 not yet',
    );
    expect(screen.getByTestId('onboarding-firstDeploy')).toHaveTextContent(
      'To first production deployment4 daysp75 5 days · 2 people · 3 not yet',
    );
    expect(
      screen.getByText('5 people started in the window'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('onboarding-unknown-start')).toHaveTextContent(
      '3 people without a known start',
    );
    expect(devexApi.getOnboarding).toHaveBeenCalledWith({
      group: 'group:default/payments',
      from: window.from,
      to: window.to,
    });
  });

  it('says "No data" when nobody has reached a milestone, and hides the unknown-start note', async () => {
    const devexApi = mockDevexApi({
      getOnboarding: jest.fn().mockResolvedValue({
        ...onboarding(),
        people: 1,
        unknownStart: 0,
        firstDeploy: {
          medianHours: null,
          p75Hours: null,
          samples: 0,
          notYet: 1,
        },
      }),
    });
    renderInTestApp(<Onboarding window={window} />, {
      apis: [[devexApiRef, devexApi]],
    });
    expect(
      await screen.findByTestId('onboarding-firstDeploy'),
    ).toHaveTextContent(
      'To first production deploymentNo data0 people · 1 not yet',
    );
    expect(screen.queryByTestId('onboarding-unknown-start')).toBeNull();
  });
});
