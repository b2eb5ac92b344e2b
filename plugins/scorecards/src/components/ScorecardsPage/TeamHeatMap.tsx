import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  CheckStatus,
  ScorecardLevel,
  TeamScorecardsResponse,
} from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { statusLabel } from '../common/CheckStatus';
import { LevelChip } from '../common/LevelChip';
import { percent, Sparkline } from './Sparkline';

const CELL: Record<CheckStatus | 'n/a', string> = {
  pass: '#66bb6a',
  fail: '#e53935',
  exempt: '#ffb300',
  unknown: '#b0bec5',
  'n/a': '#f5f5f5',
};

const useStyles = makeStyles(theme => ({
  table: { borderCollapse: 'separate', borderSpacing: 2 },
  levelGroup: {
    fontSize: 12,
    fontWeight: 600,
    textAlign: 'left',
    borderBottom: `2px solid ${theme.palette.divider}`,
    padding: theme.spacing(0, 0.5),
  },
  // One line of rotated text per check, cut with an ellipsis: 21 checks stay ~26 px apart.
  header: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    fontSize: 12,
    fontWeight: 500,
    lineHeight: '16px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxHeight: 130,
    margin: '0 auto',
  },
  columnHeader: { verticalAlign: 'bottom', padding: 0 },
  cornerHeader: {
    verticalAlign: 'bottom',
    textAlign: 'left',
    fontSize: 12,
    fontWeight: 500,
    color: theme.palette.text.secondary,
  },
  // Where a level's checks begin: a rule, so a column is read as bronze, silver or gold.
  groupStart: {
    borderLeft: `2px solid ${theme.palette.divider}`,
    paddingLeft: 2,
  },
  cell: { width: 24, height: 24, borderRadius: 3 },
  // The entity names stay in view when a narrow window scrolls the checks.
  sticky: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    background: theme.palette.background.paper,
  },
  name: {
    textAlign: 'left',
    fontWeight: 'normal',
    paddingRight: theme.spacing(1),
  },
  nameLink: {
    display: 'block',
    maxWidth: 220,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  legend: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
}));

type HeatMapCheck = TeamScorecardsResponse['checks'][number];
type LevelGroup = { level?: ScorecardLevel; checks: HeatMapCheck[] };

/** Consecutive checks of one level (the backend lists them lowest level first). */
function levelGroups(checks: HeatMapCheck[]): LevelGroup[] {
  const groups: LevelGroup[] = [];
  for (const check of checks) {
    const last = groups[groups.length - 1];
    if (last && last.level === check.level) last.checks.push(check);
    else groups.push({ level: check.level, checks: [check] });
  }
  return groups;
}

function levelTitle(level: ScorecardLevel): string {
  return `${level.charAt(0).toLocaleUpperCase('en-US')}${level.slice(1)}`;
}

function entityPage(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind}/${name}/scorecard`;
}

function HeatMap(props: { data: TeamScorecardsResponse }) {
  const classes = useStyles();
  const { data } = props;
  if (data.entities.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="This team owns nothing scorecards measure"
        description="Components owned by the team appear here once the catalog sync has seen them."
      />
    );
  }
  const scorecardId = data.rollups[0]?.scorecardId;
  const groups = levelGroups(data.checks);
  const groupStarts = new Set(groups.map(group => group.checks[0].id));
  const startClass = (check: HeatMapCheck) =>
    groupStarts.has(check.id) ? classes.groupStart : undefined;
  return (
    <Box overflow="auto">
      <table
        className={classes.table}
        aria-label="heat map"
        data-testid="heat-map"
      >
        <colgroup span={2} />
        {groups.map(group => (
          <colgroup key={group.checks[0].id} span={group.checks.length} />
        ))}
        <thead>
          <tr>
            <td colSpan={2} />
            {groups.map(group => (
              <th
                key={group.checks[0].id}
                scope="colgroup"
                colSpan={group.checks.length}
                className={classes.levelGroup}
              >
                {group.level ? levelTitle(group.level) : 'Other'}
              </th>
            ))}
          </tr>
          <tr>
            <th
              scope="col"
              className={`${classes.cornerHeader} ${classes.sticky}`}
            >
              Entity
            </th>
            <th scope="col" className={classes.cornerHeader}>
              Level
            </th>
            {data.checks.map(check => (
              <th
                key={check.id}
                scope="col"
                className={`${classes.columnHeader} ${startClass(check) ?? ''}`}
              >
                <Tooltip
                  title={
                    check.level
                      ? `${check.title} (${check.level})`
                      : check.title
                  }
                  placement="top"
                >
                  <div className={classes.header}>{check.title}</div>
                </Tooltip>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.entities.map(entity => (
            <tr key={entity.entityRef}>
              <th scope="row" className={`${classes.name} ${classes.sticky}`}>
                <Link
                  to={entityPage(entity.entityRef)}
                  className={classes.nameLink}
                  title={entity.title ?? entity.entityRef}
                >
                  {entity.title ?? entity.entityRef}
                </Link>
              </th>
              <td>
                {scorecardId && (
                  <LevelChip level={entity.levels[scorecardId] ?? null} />
                )}
              </td>
              {data.checks.map(check => {
                const status =
                  (entity.results[check.id] as CheckStatus | undefined) ??
                  'n/a';
                const label =
                  status === 'n/a' ? 'does not apply' : statusLabel(status);
                return (
                  <td key={check.id} className={startClass(check)}>
                    <div
                      role="img"
                      className={classes.cell}
                      style={{ background: CELL[status] }}
                      title={`${entity.title ?? entity.entityRef}: ${
                        check.title
                      }: ${label}`}
                      aria-label={`${check.title}: ${label}`}
                      data-status={status}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Box mt={2} className={classes.legend}>
        {(Object.keys(CELL) as Array<keyof typeof CELL>).map(status => (
          <Box
            key={status}
            display="flex"
            alignItems="center"
            style={{ gap: 4 }}
          >
            <div
              className={classes.cell}
              style={{ background: CELL[status] }}
            />
            <Typography variant="caption">
              {status === 'n/a' ? 'does not apply' : statusLabel(status)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** A team's entities × checks, with its roll-ups; the team comes from `?team=` or the user's first. */
export function TeamHeatMap() {
  const api = useApi(scorecardsApiRef);
  const identityApi = useApi(identityApiRef);
  const [params, setParams] = useSearchParams();
  const teams = useAsync(async () => {
    const [organization, identity] = await Promise.all([
      api.getOrganization(),
      identityApi.getBackstageIdentity(),
    ]);
    const own = identity.ownershipEntityRefs.find(ref =>
      ref.startsWith('group:'),
    );
    return { teams: organization.teams.map(t => t.team), own };
  }, []);
  const team = params.get('team') ?? teams.value?.own ?? teams.value?.teams[0];
  const data = useAsync(
    async () => (team ? api.getTeam(team) : undefined),
    [team],
  );

  if (teams.loading) return <Progress />;
  if (teams.error) return <ResponseErrorPanel error={teams.error} />;
  return (
    <InfoCard
      title="Team heat map"
      subheader="Each row an entity, each column a check, lowest level first"
    >
      <Box display="flex" alignItems="center" style={{ gap: 24 }} mb={2}>
        <FormControl style={{ minWidth: 240 }}>
          <InputLabel id="team-label">Team</InputLabel>
          <Select
            labelId="team-label"
            value={team ?? ''}
            onChange={e => setParams({ team: String(e.target.value) })}
          >
            {[
              ...new Set([
                ...(teams.value?.teams ?? []),
                ...(team ? [team] : []),
              ]),
            ].map(t => (
              <MenuItem key={t} value={t}>
                {t}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {data.value?.rollups.map(rollup => (
          <Box
            key={rollup.scorecardId}
            display="flex"
            alignItems="center"
            style={{ gap: 8 }}
          >
            <Typography variant="body2">
              {rollup.title}: {percent(rollup.passRate)} met
            </Typography>
            <Sparkline points={rollup.history} width={100} height={24} />
          </Box>
        ))}
      </Box>
      {data.loading && <Progress />}
      {data.error && <ResponseErrorPanel error={data.error} />}
      {!team && (
        <EmptyState
          missing="data"
          title="No team to show"
          description="Nothing is measured yet."
        />
      )}
      {data.value && <HeatMap data={data.value} />}
    </InfoCard>
  );
}
