import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { devexApiRef } from '../../api/DevexApi';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { FeedbackControl } from './FeedbackControl';
import { describeClick } from './lastAction';

jest.setTimeout(30_000);

describe('FeedbackControl', () => {
  it('sends the rating, category, comment, the page and the last action', async () => {
    const api = mockDevexApi();
    renderInTestApp(
      <>
        <button type="button">Register existing component</button>
        <FeedbackControl />
      </>,
      { apis: [[devexApiRef, api]] },
    );
    fireEvent.click(screen.getByText('Register existing component'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Give feedback on this page' }),
    );
    const dialog = await screen.findByRole('dialog');
    const send = within(dialog).getByRole('button', { name: 'Send feedback' });
    expect(send).toBeDisabled();
    await userEvent.click(within(dialog).getByLabelText('2 – Poor'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: /Category/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Confusing' }),
    );
    await userEvent.type(
      within(dialog).getByLabelText('Comment (optional)'),
      'Where is the owner field?',
    );
    expect(dialog).toHaveTextContent(
      'your last action (clicked “Register existing component”)',
    );
    await userEvent.click(send);
    expect(
      await within(dialog).findByText(/the platform team reads every piece/),
    ).toBeInTheDocument();
    expect(api.submitFeedback).toHaveBeenCalledWith({
      rating: 2,
      category: 'confusing',
      page: window.location.pathname,
      comment: 'Where is the owner field?',
      lastAction: 'clicked “Register existing component”',
    });
  });

  it('says so when the feedback was not accepted', async () => {
    const api = mockDevexApi({
      submitFeedback: jest
        .fn()
        .mockRejectedValue(new Error('too much feedback from you this hour')),
    });
    renderInTestApp(<FeedbackControl />, { apis: [[devexApiRef, api]] });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Give feedback on this page' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('5 – Very good'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: /Category/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Praise' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Send feedback' }),
    );
    expect(
      await within(dialog).findByText(
        'Your feedback was not sent: too much feedback from you this hour',
      ),
    ).toBeInTheDocument();
  });
});

describe('describeClick', () => {
  it('names buttons and links by their label, ignores the rest', () => {
    document.body.innerHTML = `
      <a href="/create" aria-label="Create a service"><span id="inner">+</span></a>
      <p id="text">Plain text</p>
      <div data-feedback-control><button id="own">Feedback</button></div>`;
    expect(describeClick(document.getElementById('inner'))).toBe(
      'clicked “Create a service”',
    );
    expect(describeClick(document.getElementById('text'))).toBeUndefined();
    expect(describeClick(document.getElementById('own'))).toBeUndefined();
  });
});
