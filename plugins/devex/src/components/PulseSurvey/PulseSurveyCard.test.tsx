import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { devexApiRef } from '../../api/DevexApi';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { PulseSurveyCard } from './PulseSurveyCard';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

describe('PulseSurveyCard', () => {
  it('sends the chosen score and the trimmed comment', async () => {
    const api = mockDevexApi();
    renderInTestApp(<PulseSurveyCard />, { apis: [[devexApiRef, api]] });
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Score 3' }));
    await userEvent.click(screen.getByLabelText(/What would make it better/));
    await userEvent.paste('  Faster database requests  ');
    await userEvent.click(send);

    expect(api.submitSurvey).toHaveBeenCalledWith({
      score: 3,
      comment: 'Faster database requests',
    });
    expect(
      await screen.findByText(/Your answer \(3\/10\) was recorded/),
    ).toBeInTheDocument();
  });

  it('sends a score of 0 without a comment', async () => {
    const api = mockDevexApi();
    renderInTestApp(<PulseSurveyCard />, { apis: [[devexApiRef, api]] });
    await userEvent.click(screen.getByRole('button', { name: 'Score 0' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(api.submitSurvey).toHaveBeenCalledWith({ score: 0 });
    expect(
      await screen.findByText(/Your answer \(0\/10\) was recorded/),
    ).toBeInTheDocument();
  });

  it('shows the backend error and keeps the answer', async () => {
    const api = mockDevexApi({
      submitSurvey: jest
        .fn()
        .mockRejectedValue(new Error('score must be between 0 and 10')),
    });
    renderInTestApp(<PulseSurveyCard />, { apis: [[devexApiRef, api]] });
    await userEvent.click(screen.getByRole('button', { name: 'Score 9' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await screen.findByText(/Could not send: score must be between 0 and 10/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Score 9' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
