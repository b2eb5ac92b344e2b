import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  LevelCounts,
  OrganizationScorecardsResponse,
} from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { LevelChip } from '../common/LevelChip';
import { percent, Sparkline } from './Sparkline';

function Levels(props: { levels: LevelCounts }) {
  return (
    <Box display="flex" style={{ gap: 8 }} flexWrap="wrap">
      {(['gold', 'silver', 'bronze', 'none'] as const).map(level => (
        <Box key={level} display="flex" alignItems="center" style={{ gap: 4 }}>
          <LevelChip level={level === 'none' ? null : level} />
          <Typography variant="body2">{props.levels[level]}</Typography>
        </Box>
      ))}
    </Box>
  );
}

type TeamRow = OrganizationScorecardsResponse['teams'][number];

/** The organisation's roll-up per scorecard, with history, and every team's. */
export function OverviewTab() {
  const api = useApi(scorecardsApiRef);
  const state = useAsync(() => api.getOrganization(), []);
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const data = state.value!;
  if (data.teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="Nothing measured yet"
        description="Scorecards measure catalog entities a minute after start-up; come back shortly."
      />
    );
  }
  const columns: TableColumn<TeamRow>[] = [
    {
      title: 'Team',
      field: 'team',
      render: row => (
        <Link to={`teams?team=${encodeURIComponent(row.team)}`}>
          {row.team.replace(/^group:default\//, '')}
        </Link>
      ),
    },
    { title: 'Entities', field: 'entities', type: 'numeric' },
    ...data.rollups.map(rollup => ({
      title: rollup.title,
      render: (row: TeamRow) => {
        const own = row.rollups.find(r => r.scorecardId === rollup.scorecardId);
        return own ? (
          <Box>
            <Levels levels={own.levels} />
            <Typography variant="caption">
              {percent(own.passRate)} of checks met
            </Typography>
          </Box>
        ) : (
          '–'
        );
      },
    })),
  ];
  return (
    <Grid container spacing={3}>
      {data.rollups.map(rollup => (
        <Grid item xs={12} md={6} key={rollup.scorecardId}>
          <InfoCard title={`${rollup.title}: the organisation`}>
            <Levels levels={rollup.levels} />
            <Box mt={2} display="flex" alignItems="center" style={{ gap: 16 }}>
              <Typography variant="h4">{percent(rollup.passRate)}</Typography>
              <Typography variant="body2" color="textSecondary">
                of applicable checks met
              </Typography>
              <Sparkline points={rollup.history} />
            </Box>
          </InfoCard>
        </Grid>
      ))}
      <Grid item xs={12}>
        <Table<TeamRow>
          title="Teams"
          options={{ paging: false, search: false }}
          columns={columns}
          data={data.teams}
        />
      </Grid>
    </Grid>
  );
}
