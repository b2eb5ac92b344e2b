import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { devexApiRef } from '../../api/DevexApi';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { GoldenPathImpact } from './GoldenPathImpact';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

const window = {
  from: new Date('2026-08-26T00:00:00Z'),
  to: new Date('2026-11-24T00:00:00Z'),
} as any;

describe('GoldenPathImpact', () => {
  it('shows each cohort, and says "too few samples" instead of a value below the minimum', async () => {
    const devexApi = mockDevexApi();
    renderInTestApp(
      <GoldenPathImpact
        scope={{ kind: 'group', group: 'group:default/payments' }}
        window={window}
      />,
      {
        apis: [[devexApiRef, devexApi]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    const current = await screen.findByTestId(
      'impact-cohort-templateVersion:template:default/typescript-service:1.1.0',
    );
    expect(within(current).getByText('version 1.1.0')).toBeInTheDocument();
    expect(within(current).getByText('18 h')).toBeInTheDocument();
    expect(within(current).getByText('60 commits')).toBeInTheDocument();

    const older = screen.getByTestId(
      'impact-cohort-templateVersion:template:default/typescript-service:1.0.0',
    );
    expect(within(older).getAllByText(/Too few samples/)).toHaveLength(5);
    expect(within(older).getAllByText('Too few samples (3 of 5)')).toHaveLength(
      2,
    );
    expect(within(older).queryByText(/ h$/)).toBeNull();

    const none = screen.getByTestId('impact-cohort-none');
    expect(within(none).getByText('No template')).toBeInTheDocument();
    expect(within(none).getByText('40 h')).toBeInTheDocument();
    expect(
      within(none).getByText('Too few samples (0 of 5)'),
    ).toBeInTheDocument();
    expect(devexApi.getImpact).toHaveBeenCalledWith(
      expect.objectContaining({
        scope: { kind: 'group', group: 'group:default/payments' },
      }),
    );
  });
});
