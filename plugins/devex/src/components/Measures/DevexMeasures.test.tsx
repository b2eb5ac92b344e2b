import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { measures, surveySummary } from '../../testing/fixtures';
import { DevexMeasures } from './DevexMeasures';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(30_000);

describe('DevexMeasures', () => {
  it('shows the organisation NPS with its comments', async () => {
    renderInTestApp(
      <DevexMeasures
        measures={measures()}
        survey={surveySummary()}
        scope={{ kind: 'organization' }}
      />,
    );
    expect(screen.getByTestId('measure-nps')).toHaveTextContent('25');
    expect(
      screen.getByText(/Database requests wait too long/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('measure-self-service')).toHaveTextContent(
      '80 %',
    );
    expect(screen.getByTestId('measure-template-adoption')).toHaveTextContent(
      '60 %',
    );
    expect(
      screen.getByTestId('measure-time-to-first-deployment'),
    ).toHaveTextContent('26 h');
  });

  it('shows a team NPS from five respondents on', async () => {
    renderInTestApp(
      <DevexMeasures
        measures={measures()}
        survey={surveySummary()}
        scope={{ kind: 'group', group: 'group:default/payments' }}
      />,
    );
    expect(screen.getByTestId('measure-nps')).toHaveTextContent('33');
    expect(
      screen.queryByText(/Database requests wait too long/),
    ).not.toBeInTheDocument();
  });

  it('hides a team NPS below five respondents, and its comments', async () => {
    renderInTestApp(
      <DevexMeasures
        measures={measures()}
        survey={surveySummary()}
        scope={{ kind: 'group', group: 'group:default/data' }}
      />,
    );
    expect(screen.getByTestId('measure-nps')).toHaveTextContent('Hidden');
    expect(
      screen.getByText(/from 5 respondents on \(2 respondents so far\)/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Database requests wait too long/),
    ).not.toBeInTheDocument();
  });

  it('shows "No data" for measures without samples', async () => {
    renderInTestApp(
      <DevexMeasures
        measures={{
          timeToFirstDeployment: {
            medianHours: null,
            samples: 0,
            pending: 0,
            services: [],
          },
          selfService: { ratio: null, automated: 0, total: 0 },
          templateAdoption: {
            components: 0,
            fromTemplate: 0,
            ratio: null,
            templates: [],
          },
        }}
        survey={surveySummary({
          nps: null,
          respondents: 0,
          suppressed: true,
          promoters: null,
          passives: null,
          detractors: null,
          comments: [],
        })}
        scope={{ kind: 'organization' }}
      />,
    );
    expect(screen.getAllByText('No data')).toHaveLength(4);
  });
});
