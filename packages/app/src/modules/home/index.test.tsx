import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { homePageWidgetDataRef } from '@backstage/plugin-home-react/alpha';
import { devexApiRef } from '@paved/plugin-devex';
import { pulseSurveyWidget } from '.';

jest.setTimeout(60_000);

describe('home page pulse survey widget', () => {
  it('renders the DevEx pulse survey and submits a score', async () => {
    const widget = createExtensionTester(pulseSurveyWidget).get(
      homePageWidgetDataRef,
    );
    expect(widget).toMatchObject({
      name: 'PulseSurvey',
      title: 'How is the platform doing?',
    });
    const submitSurvey = jest.fn().mockResolvedValue({ id: 'answer-1' });
    await renderInTestApp(widget.component, {
      apis: [[devexApiRef, { submitSurvey } as any]],
    });

    expect(
      await screen.findByText(
        'How likely are you to recommend the Paved platform to a colleague?',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Score 9' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(submitSurvey).toHaveBeenCalledWith({ score: 9 });
  });
});
