import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { homePageWidgetDataRef } from '@backstage/plugin-home-react/alpha';
import { devexApiRef } from '@paved/plugin-devex';
import { catalogUnprocessedEntitiesApiRef } from '@backstage/plugin-catalog-unprocessed-entities';
import { catalogProblemsWidget, pulseSurveyWidget } from '.';

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

describe('home page catalog problems widget', () => {
  const brokenFile = {
    entity_id: null as unknown as string,
    entity_ref: null as unknown as string,
    unprocessed_entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'generated-1234' },
      spec: { type: 'file', target: '/srv/catalog/broken.yaml' },
    },
    location_key: 'file:/srv/catalog/broken.yaml',
    next_update_at: '2026-11-23T14:15:01Z',
    last_discovery_at: '2026-11-23T14:05:40Z',
    errors: [
      {
        name: 'Error',
        message: 'YAML error at file:/srv/catalog/broken.yaml, YAMLParseError',
        cause: { name: 'YAMLParseError', message: '', stack: '' },
      },
    ],
  };

  async function render(entities: { pending: unknown[]; failed: unknown[] }) {
    const widget = createExtensionTester(catalogProblemsWidget).get(
      homePageWidgetDataRef,
    );
    expect(widget).toMatchObject({ name: 'CatalogProblems' });
    const api = {
      pending: jest.fn().mockResolvedValue({ entities: entities.pending }),
      failed: jest.fn().mockResolvedValue({ entities: entities.failed }),
    };
    await renderInTestApp(widget.component, {
      apis: [[catalogUnprocessedEntitiesApiRef, api as any]],
    });
  }

  it('shows an entity that failed processing with its error and file', async () => {
    await render({ pending: [brokenFile], failed: [] });
    expect(
      await screen.findByText(/1 entity failed processing/),
    ).toBeInTheDocument();
    expect(screen.getByText('Location generated-1234')).toBeInTheDocument();
    expect(
      screen.getByText(/YAMLParseError \(file:\/srv\/catalog\/broken\.yaml\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All unprocessed entities' }),
    ).toHaveAttribute('href', '/catalog-unprocessed-entities');
  });

  it('says so when every entity was processed, ignoring pending ones without errors', async () => {
    await render({ pending: [{ ...brokenFile, errors: [] }], failed: [] });
    expect(
      await screen.findByTestId('catalog-problems-none'),
    ).toBeInTheDocument();
  });
});
