import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type { EntityScorecardsResponse } from '@paved/plugin-scorecards-common';
import { scorecardsApiRef, ScorecardsApi } from '../../api/ScorecardsApi';
import { EntityScorecardContent } from './EntityScorecardContent';

jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { owner: 'group:default/payments' },
};

const response: EntityScorecardsResponse = {
  entityRef: 'component:default/ledger',
  title: 'Ledger',
  owner: 'group:default/payments',
  scorecards: [
    {
      id: 'readiness',
      title: 'Production readiness',
      description: 'd',
      level: 'bronze',
      next: { level: 'silver', unmet: 2 },
      checks: [
        {
          checkId: 'owner',
          status: 'pass',
          reason: 'owned by group:default/payments',
          title: 'Owned by a team',
          description: 'd',
          howToFix: 'x',
          fact: 'catalog.ownerIsGroup',
          level: 'bronze',
        },
        {
          checkId: 'has-docs',
          status: 'fail',
          reason: 'catalog.hasDocs is false, expected == true',
          title: 'TechDocs',
          description: 'd',
          howToFix: 'Run **Add TechDocs**',
          fact: 'catalog.hasDocs',
          level: 'silver',
          fixer: {
            id: 'add-techdocs',
            title: 'Add TechDocs',
            description: 'Commits docs',
          },
        },
        {
          checkId: 'has-runbook',
          status: 'unknown',
          reason: 'the repository could not be read: 404',
          title: 'Runbook',
          description: 'd',
          howToFix: 'x',
          fact: 'repo.hasRunbook',
          level: 'silver',
        },
      ],
    },
  ],
  facts: [],
  exemptions: [],
};

function mockApi(overrides: Partial<ScorecardsApi> = {}): ScorecardsApi {
  return {
    getEntity: jest.fn().mockResolvedValue(response),
    refreshEntity: jest.fn().mockResolvedValue(response),
    startFix: jest.fn().mockResolvedValue({
      id: 'f',
      status: 'started',
      url: 'http://localhost:3000/create/tasks/3f1c2b7a',
    }),
    requestExemption: jest.fn().mockResolvedValue({}),
    ...overrides,
  } as unknown as ScorecardsApi;
}

describe('EntityScorecardContent', () => {
  it('shows the level, each check with why, and starts the fix', async () => {
    const api = mockApi();
    renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityScorecardContent />
      </EntityProvider>,
      { apis: [[scorecardsApiRef, api]] },
    );
    expect(await screen.findByText('Production readiness')).toBeInTheDocument();
    expect(screen.getByTestId('level-bronze')).toBeInTheDocument();
    expect(screen.getByText('2 check(s) to go for silver')).toBeInTheDocument();
    expect(screen.getByTestId('check-has-runbook')).toHaveTextContent(
      'Unknown',
    );
    expect(screen.getByTestId('check-has-runbook')).toHaveTextContent(
      'the repository could not be read: 404',
    );
    // Only the failing check with a fixer offers "Fix it"; unknown and passing ones do not.
    const fix = screen.getAllByRole('button', { name: 'Fix it' });
    expect(fix).toHaveLength(1);
    fireEvent.click(fix[0]);
    await waitFor(() =>
      expect(api.startFix).toHaveBeenCalledWith(
        'component:default/ledger',
        'has-docs',
      ),
    );
    const toast = await screen.findByRole('alertdialog', {
      name: 'Add TechDocs started',
    });
    expect(toast).toHaveAttribute('data-status', 'success');
    expect(toast).toHaveTextContent(
      'TechDocs is evaluated again when the fix lands.',
    );
    expect(
      within(toast).getByRole('link', { name: 'Follow the fix' }),
    ).toHaveAttribute('href', 'http://localhost:3000/create/tasks/3f1c2b7a');
  });

  it('says in a toast that stays why a fix could not start', async () => {
    const api = mockApi({
      startFix: jest
        .fn()
        .mockRejectedValue(new Error('the repository is archived')),
    });
    renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityScorecardContent />
      </EntityProvider>,
      { apis: [[scorecardsApiRef, api]] },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Fix it' }));
    const toast = await screen.findByRole('alertdialog', {
      name: 'Could not start Add TechDocs',
    });
    expect(toast).toHaveAttribute('data-status', 'danger');
    expect(toast).toHaveTextContent('the repository is archived');
    expect(await screen.findByRole('button', { name: 'Fix it' })).toBeEnabled();
  });

  it('says when the entity is not measured instead of spinning', async () => {
    const notFound = Object.assign(new Error('not measured'), {
      response: { status: 404 },
    });
    renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityScorecardContent />
      </EntityProvider>,
      {
        apis: [
          [
            scorecardsApiRef,
            mockApi({ getEntity: jest.fn().mockRejectedValue(notFound) }),
          ],
        ],
      },
    );
    expect(
      await screen.findByText('Not measured by scorecards'),
    ).toBeInTheDocument();
  });
});
