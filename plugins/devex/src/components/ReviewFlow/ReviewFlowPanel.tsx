import { Box, Grid, makeStyles, Tooltip, Typography } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import {
  ChangeFlowResponse,
  changeStageDefinitions,
  changeStages,
  StageSummary,
} from '@paved/plugin-devex-common';
import { formatHours, plural, trimmed } from '../format';

const useStyles = makeStyles(theme => ({
  value: { fontSize: '1.75rem', fontWeight: 600, lineHeight: 1.2 },
  muted: { color: theme.palette.text.secondary },
  barRow: {
    display: 'grid',
    gridTemplateColumns: '3rem 1fr 3rem',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  bar: {
    height: 14,
    borderRadius: 2,
    background: theme.palette.primary.main,
    minWidth: 2,
  },
}));

function StageCard(props: {
  stage: (typeof changeStages)[number];
  summary: StageSummary;
}) {
  const classes = useStyles();
  const { title, description } = changeStageDefinitions[props.stage];
  const { medianHours, p75Hours, samples } = props.summary;
  return (
    <Tooltip title={description} placement="top-start">
      <Box data-testid={`review-stage-${props.stage}`}>
        <Typography variant="overline">{title}</Typography>
        <Typography className={classes.value}>
          {medianHours === null ? 'No data' : formatHours(medianHours)}
        </Typography>
        <Typography variant="body2" className={classes.muted}>
          {p75Hours === null ? '' : `p75 ${formatHours(p75Hours)} · `}
          {plural(samples, 'change')}
        </Typography>
      </Box>
    </Tooltip>
  );
}

/** Pull request sizes per class, as bars scaled to the largest class. */
function SizeDistribution(props: { size: ChangeFlowResponse['size'] }) {
  const classes = useStyles();
  const { size } = props;
  const largest = Math.max(1, ...size.classes.map(c => c.changes));
  return (
    <Box data-testid="review-size">
      <Typography variant="overline">Size (lines changed)</Typography>
      {size.classes.map((c, i) => {
        const lower = i === 0 ? 0 : (size.classes[i - 1].maxLines ?? 0) + 1;
        const range =
          c.maxLines === null ? `over ${lower - 1}` : `${lower}–${c.maxLines}`;
        return (
          <Tooltip key={c.label} title={`${range} lines`} placement="right">
            <div className={classes.barRow}>
              <Typography variant="body2">{c.label}</Typography>
              <div
                className={classes.bar}
                style={{ width: `${(100 * c.changes) / largest}%` }}
                aria-label={`${c.label}: ${plural(c.changes, 'change')}`}
              />
              <Typography variant="body2">{c.changes}</Typography>
            </div>
          </Tooltip>
        );
      })}
      <Typography variant="body2" className={classes.muted}>
        {size.medianLines === null
          ? 'No sizes reported'
          : `median ${trimmed(size.medianLines)} lines · p75 ${trimmed(
              size.p75Lines ?? size.medianLines,
            )} · ${plural(size.samples, 'change')}`}
      </Typography>
    </Box>
  );
}

/**
 * The review flow of a scope: how long merged changes spent in coding, waiting for a first
 * review, in review and between merge and production, as medians with p75 and sample counts;
 * how big they were; and how many are still open. "No data" where a stage has no samples.
 */
export function ReviewFlowPanel(props: { flow: ChangeFlowResponse }) {
  const classes = useStyles();
  const { flow } = props;
  return (
    <InfoCard
      title="Review flow"
      subheader={`${plural(flow.merged, 'change')} merged in the window · ${
        flow.open
      } opened and still open`}
    >
      <Grid container spacing={3}>
        {changeStages.map(stage => (
          <Grid item xs={6} md={3} key={stage}>
            <StageCard stage={stage} summary={flow[stage]} />
          </Grid>
        ))}
        <Grid item xs={12} md={6}>
          <SizeDistribution size={flow.size} />
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography variant="overline">Open</Typography>
          <Typography className={classes.value} data-testid="review-open">
            {flow.open}
          </Typography>
          <Typography variant="body2" className={classes.muted}>
            Opened in the window, neither merged nor closed
          </Typography>
        </Grid>
      </Grid>
    </InfoCard>
  );
}
