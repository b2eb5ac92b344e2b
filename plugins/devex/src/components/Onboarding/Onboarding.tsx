import { Box, Grid, makeStyles, Tooltip, Typography } from '@material-ui/core';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  ANNOTATION_START_DATE,
  OnboardingMilestoneSummary,
  OnboardingResponse,
  onboardingMilestoneDefinitions,
  onboardingMilestones,
} from '@paved/plugin-devex-common';
import { devexApiRef } from '../../api/DevexApi';
import { TimeWindow } from '../../window/timeWindow';
import { formatHours, plural } from '../format';

const useStyles = makeStyles(theme => ({
  value: { fontSize: '1.75rem', fontWeight: 600, lineHeight: 1.2 },
  muted: { color: theme.palette.text.secondary },
}));

function MilestoneCard(props: {
  milestone: (typeof onboardingMilestones)[number];
  summary: OnboardingMilestoneSummary;
}) {
  const classes = useStyles();
  const { title, description } =
    onboardingMilestoneDefinitions[props.milestone];
  const { medianHours, p75Hours, samples, notYet } = props.summary;
  return (
    <Tooltip title={description} placement="top-start">
      <Box data-testid={`onboarding-${props.milestone}`}>
        <Typography variant="overline">{title}</Typography>
        <Typography className={classes.value}>
          {medianHours === null ? 'No data' : formatHours(medianHours)}
        </Typography>
        <Typography variant="body2" className={classes.muted}>
          {p75Hours === null ? '' : `p75 ${formatHours(p75Hours)} · `}
          {plural(samples, 'person', 'people')} · {notYet} not yet
        </Typography>
      </Box>
    </Tooltip>
  );
}

/**
 * Time to onboard of the people who started in the window: median and p75 hours to their first
 * merged change and first production deployment, and how many have not got there yet (who are
 * not in the median). "No data" where nobody has reached a milestone.
 */
export function OnboardingPanel(props: { onboarding: OnboardingResponse }) {
  const classes = useStyles();
  const { onboarding } = props;
  return (
    <InfoCard
      title="Time to onboard"
      subheader={`${plural(
        onboarding.people,
        'person',
        'people',
      )} started in the window`}
    >
      <Grid container spacing={3}>
        {onboardingMilestones.map(milestone => (
          <Grid item xs={12} md={6} key={milestone}>
            <MilestoneCard
              milestone={milestone}
              summary={onboarding[milestone]}
            />
          </Grid>
        ))}
      </Grid>
      {onboarding.unknownStart > 0 && (
        <Typography
          variant="body2"
          className={classes.muted}
          data-testid="onboarding-unknown-start"
        >
          {plural(onboarding.unknownStart, 'person', 'people')} without a known
          start (in the catalog before tracking began): set{' '}
          <code>{ANNOTATION_START_DATE}</code> on their User entity to count
          them.
        </Typography>
      )}
    </InfoCard>
  );
}

/** Loads and shows time to onboard for a team (sub-teams included) or the organisation. */
export function Onboarding(props: { group?: string; window: TimeWindow }) {
  const { group, window } = props;
  const devexApi = useApi(devexApiRef);
  const state = useAsync(
    () => devexApi.getOnboarding({ group, from: window.from, to: window.to }),
    [group, window.from.getTime(), window.to.getTime()],
  );
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  return state.value ? <OnboardingPanel onboarding={state.value} /> : null;
}
