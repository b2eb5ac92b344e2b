import { fireEvent, screen, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  ScorecardLevel,
  TeamScorecardsResponse,
} from '@paved/plugin-scorecards-common';
import { scorecardsApiRef, ScorecardsApi } from '../../api/ScorecardsApi';
import { TeamHeatMap } from './TeamHeatMap';

jest.setTimeout(30_000);

/** 21 checks as paved-standards.yaml has them: 7 bronze, 8 silver, 6 gold, lowest level first. */
const levels: ScorecardLevel[] = [
  ...Array<ScorecardLevel>(7).fill('bronze'),
  ...Array<ScorecardLevel>(8).fill('silver'),
  ...Array<ScorecardLevel>(6).fill('gold'),
];
const checks: TeamScorecardsResponse['checks'] = levels.map((level, i) => ({
  id: `check-${i + 1}`,
  title: i === 20 ? 'No databases past their time to live' : `Check ${i + 1}`,
  level,
}));

const team: TeamScorecardsResponse = {
  team: 'group:default/payments',
  checks,
  entities: [
    {
      entityRef: 'component:default/payments-api',
      title: 'Payments API',
      owner: 'group:default/payments',
      levels: { readiness: 'bronze' },
      results: { 'check-1': 'pass', 'check-2': 'fail', 'check-21': 'unknown' },
    },
    {
      entityRef: 'component:default/ledger',
      owner: 'group:default/payments',
      levels: { readiness: null },
      results: { 'check-1': 'exempt' },
    },
  ],
  rollups: [
    {
      scorecardId: 'readiness',
      title: 'Production readiness',
      levels: { none: 1, bronze: 1, silver: 0, gold: 0 },
      passRate: 0.5,
      history: [],
    },
  ],
} as unknown as TeamScorecardsResponse;

function mockApi(response: TeamScorecardsResponse): ScorecardsApi {
  return {
    getOrganization: jest.fn().mockResolvedValue({
      rollups: [],
      teams: [{ team: 'group:default/payments', entities: 2, rollups: [] }],
    }),
    getTeam: jest.fn().mockResolvedValue(response),
  } as unknown as ScorecardsApi;
}

async function renderHeatMap(response: TeamScorecardsResponse) {
  renderInTestApp(<TeamHeatMap />, {
    apis: [
      [scorecardsApiRef, mockApi(response)],
      mockApis.identity({
        userEntityRef: 'user:default/sam.rivera',
        ownershipEntityRefs: [
          'user:default/sam.rivera',
          'group:default/payments',
        ],
      }),
    ],
  });
  return screen.findByTestId('heat-map');
}

describe('TeamHeatMap', () => {
  it('groups the check columns by level, each header named by its full title', async () => {
    const heatMap = await renderHeatMap(team);
    const [groupRow, checkRow] = within(heatMap).getAllByRole('row');

    const groups = within(groupRow).getAllByRole('columnheader');
    expect(
      groups.map(th => [th.textContent, th.getAttribute('colspan')]),
    ).toEqual([
      ['Bronze', '7'],
      ['Silver', '8'],
      ['Gold', '6'],
    ]);
    expect(groups.map(th => th.getAttribute('scope'))).toEqual([
      'colgroup',
      'colgroup',
      'colgroup',
    ]);

    const headers = within(checkRow).getAllByRole('columnheader');
    expect(headers.map(th => th.textContent)).toEqual([
      'Entity',
      'Level',
      ...checks.map(check => check.title),
    ]);
    // A long title is cut on screen, not in what a screen reader reads.
    expect(
      within(checkRow).getByRole('columnheader', {
        name: 'No databases past their time to live',
      }),
    ).toBeInTheDocument();
  });

  it('shows the full title and level of a check on hover', async () => {
    const heatMap = await renderHeatMap(team);
    fireEvent.mouseOver(
      within(heatMap).getByText('No databases past their time to live'),
    );
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'No databases past their time to live (gold)',
    );
  });

  it('labels each cell with its check and status, and marks where a level begins', async () => {
    const heatMap = await renderHeatMap(team);
    const payments = within(heatMap)
      .getByRole('link', { name: 'Payments API' })
      .closest('tr')!;
    const statuses = {
      'Check 1: Pass': 'pass',
      'Check 2: Fail': 'fail',
      'No databases past their time to live: Unknown': 'unknown',
      'Check 3: does not apply': 'n/a',
    };
    for (const [name, status] of Object.entries(statuses)) {
      expect(within(payments).getByRole('img', { name })).toHaveAttribute(
        'data-status',
        status,
      );
    }
    expect(within(payments).getAllByRole('img')).toHaveLength(21);

    // An entity without a title is named by its reference.
    const ledger = within(heatMap)
      .getByRole('link', { name: 'component:default/ledger' })
      .closest('tr')!;
    expect(
      within(ledger).getByRole('img', { name: 'Check 1: Exempt' }),
    ).toHaveAttribute('title', 'component:default/ledger: Check 1: Exempt');

    // Only the first check of bronze, silver and gold (columns 1, 8 and 16) is set apart.
    const cells = within(payments).getAllByRole('cell').slice(1);
    const starts = cells.flatMap((cell, i) => (cell.className ? [i + 1] : []));
    expect(starts).toEqual([1, 8, 16]);
  });

  it('says so when the team owns nothing scorecards measure', async () => {
    renderInTestApp(<TeamHeatMap />, {
      apis: [
        [scorecardsApiRef, mockApi({ ...team, entities: [] })],
        mockApis.identity({ ownershipEntityRefs: ['group:default/payments'] }),
      ],
    });
    expect(
      await screen.findByText('This team owns nothing scorecards measure'),
    ).toBeInTheDocument();
  });
});
