import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { changeFlow } from '../../testing/fixtures';
import { ReviewFlowPanel } from './ReviewFlowPanel';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

describe('ReviewFlowPanel', () => {
  it('shows each stage with its p75 and samples, "No data" for a stage without samples, sizes and open changes', async () => {
    renderInTestApp(<ReviewFlowPanel flow={changeFlow()} />);
    expect(screen.getByTestId('review-stage-coding')).toHaveTextContent(
      'Coding5.5 hp75 20 h · 40 changes',
    );
    expect(screen.getByTestId('review-stage-review')).toHaveTextContent(
      'Review26 hp75 2.1 days · 38 changes',
    );
    expect(screen.getByTestId('review-stage-deploy')).toHaveTextContent(
      'DeployNo data0 changes',
    );
    expect(screen.getByLabelText('M: 15 changes')).toBeInTheDocument();
    expect(screen.getByTestId('review-size')).toHaveTextContent(
      'median 120 lines · p75 400 · 41 changes',
    );
    expect(screen.getByTestId('review-open')).toHaveTextContent('7');
  });
});
