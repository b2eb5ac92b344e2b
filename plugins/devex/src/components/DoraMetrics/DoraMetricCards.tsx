import { Grid, makeStyles, Typography } from '@material-ui/core';
import {
  BandedMetric,
  DoraMetricName,
  DoraMetricsResponse,
  LevelBands,
  metricDefinitions,
} from '@paved/plugin-devex-common';
import { formatHours, formatPercent, formatPerWeek, plural } from '../format';
import { MetricCard } from './MetricCard';

const useStyles = makeStyles(theme => ({
  definition: { margin: 0 },
  bands: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(2) },
  source: { marginTop: theme.spacing(1), fontStyle: 'italic' },
  footnote: {
    marginTop: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
}));

function bandLines(metric: BandedMetric, bands: LevelBands): string[] {
  const band = bands[metric];
  switch (metric) {
    case 'deploymentFrequency':
      return [
        `Elite: ${formatPerWeek(band.elite)} or more (on demand)`,
        `High: ${formatPerWeek(band.high)} or more`,
        `Medium: ${formatPerWeek(band.medium)} or more`,
        'Low: less often',
      ];
    case 'changeFailureRate':
      return [
        `Elite: ${formatPercent(band.elite)} or less`,
        `High: ${formatPercent(band.high)} or less`,
        `Medium: ${formatPercent(band.medium)} or less`,
        `Low: above ${formatPercent(band.medium)}`,
      ];
    default:
      return [
        `Elite: under ${formatHours(band.elite)}`,
        `High: under ${formatHours(band.high)}`,
        `Medium: under ${formatHours(band.medium)}`,
        `Low: ${formatHours(band.medium)} or more`,
      ];
  }
}

function Definition(props: {
  metric: DoraMetricName;
  bands?: LevelBands;
  bandsSource: string;
}) {
  const classes = useStyles();
  const { metric, bands, bandsSource } = props;
  const definition = metricDefinitions[metric];
  const banded = metric !== 'reworkRate' && metric !== 'timeToRestore';
  return (
    <>
      <p className={classes.definition}>{definition.description}</p>
      {banded && bands && (
        <ul className={classes.bands}>
          {bandLines(metric as BandedMetric, bands).map(line => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p className={classes.source}>
        {banded
          ? bands
            ? `Level bands: ${bandsSource}.`
            : `No level bands: ${bandsSource} has no tiers.`
          : `Definition: DORA ${definition.reportYear} Accelerate State of DevOps report (no level bands).`}
      </p>
    </>
  );
}

function recoveryEmptyDetail(open: number): string {
  return open > 0
    ? `${plural(open, 'failed deployment')} not yet recovered`
    : 'No failed deployment in this window';
}

/**
 * DORA's five metrics as cards. Every figure without samples reads "No data" and has no level:
 * a window with no deployments is not an elite change failure rate.
 */
export function DoraMetricCards(props: { metrics: DoraMetricsResponse }) {
  const classes = useStyles();
  const { metrics } = props;
  const {
    deploymentFrequency,
    leadTime,
    changeFailureRate,
    recoveryTime,
    reworkRate,
    timeToRestore,
    bands,
    levelBands,
  } = metrics;
  const definitionOf = (metric: DoraMetricName) => (
    <Definition
      metric={metric}
      bands={bands ?? undefined}
      bandsSource={levelBands.source}
    />
  );
  const levelSource = {
    title: levelBands.adjusted
      ? `${levelBands.title} (adjusted)`
      : levelBands.title,
    tiers: levelBands.bands !== null,
  };

  return (
    <>
      <Grid container spacing={2} alignItems="stretch">
        <Grid item xs={12} sm={6} lg>
          <MetricCard
            testId="metric-deployment-frequency"
            title={metricDefinitions.deploymentFrequency.title}
            definition={definitionOf('deploymentFrequency')}
            value={
              deploymentFrequency.deployments > 0
                ? formatPerWeek(deploymentFrequency.perWeek)
                : null
            }
            detail={
              deploymentFrequency.deployments > 0
                ? `${plural(
                    deploymentFrequency.deployments,
                    'production deployment',
                  )} in the window`
                : 'No successful production deployment in this window'
            }
            level={deploymentFrequency.level}
            levelSource={levelSource}
          />
        </Grid>
        <Grid item xs={12} sm={6} lg>
          <MetricCard
            testId="metric-lead-time"
            title={metricDefinitions.leadTime.title}
            definition={definitionOf('leadTime')}
            value={
              leadTime.medianHours === null
                ? null
                : formatHours(leadTime.medianHours)
            }
            detail={
              leadTime.medianHours === null
                ? 'No commit reached production in this window'
                : `median of ${plural(leadTime.samples, 'commit')}${
                    leadTime.p90Hours === null
                      ? ''
                      : ` · p90 ${formatHours(leadTime.p90Hours)}`
                  }`
            }
            level={leadTime.level}
            levelSource={levelSource}
          />
        </Grid>
        <Grid item xs={12} sm={6} lg>
          <MetricCard
            testId="metric-change-failure-rate"
            title={metricDefinitions.changeFailureRate.title}
            definition={definitionOf('changeFailureRate')}
            value={
              changeFailureRate.ratio === null
                ? null
                : formatPercent(changeFailureRate.ratio)
            }
            detail={
              changeFailureRate.ratio === null
                ? 'No production deployment to judge'
                : `${changeFailureRate.failedDeployments} of ${plural(
                    changeFailureRate.deployments,
                    'deployment',
                  )} caused a failure`
            }
            level={changeFailureRate.level}
            levelSource={levelSource}
          />
        </Grid>
        <Grid item xs={12} sm={6} lg>
          <MetricCard
            testId="metric-recovery-time"
            title={metricDefinitions.recoveryTime.title}
            definition={definitionOf('recoveryTime')}
            value={
              recoveryTime.medianHours === null
                ? null
                : formatHours(recoveryTime.medianHours)
            }
            detail={
              recoveryTime.medianHours === null
                ? recoveryEmptyDetail(recoveryTime.open)
                : `median of ${plural(
                    recoveryTime.samples,
                    'recovery',
                    'recoveries',
                  )}${
                    recoveryTime.open > 0
                      ? ` · ${recoveryTime.open} still open`
                      : ''
                  }`
            }
            level={recoveryTime.level}
            levelSource={levelSource}
          />
        </Grid>
        <Grid item xs={12} sm={6} lg>
          <MetricCard
            testId="metric-rework-rate"
            title={metricDefinitions.reworkRate.title}
            definition={definitionOf('reworkRate')}
            value={
              reworkRate.ratio === null ? null : formatPercent(reworkRate.ratio)
            }
            detail={
              reworkRate.ratio === null
                ? 'No production deployment to judge'
                : `${reworkRate.reworkDeployments} of ${plural(
                    reworkRate.deployments,
                    'deployment',
                  )} were rollbacks, hotfixes or fixes`
            }
          />
        </Grid>
      </Grid>
      <Typography variant="body2" className={classes.footnote}>
        {levelBands.bands
          ? `Levels follow the bands of the ${levelBands.source}${
              levelBands.adjusted ? ', adjusted in configuration' : ''
            }. ${levelBands.note}`
          : levelBands.note}{' '}
        Incidents that name no deployment are outside these metrics: time to
        restore{' '}
        {timeToRestore.medianHours === null
          ? 'has no data in this window'
          : `median ${formatHours(timeToRestore.medianHours)} over ${plural(
              timeToRestore.samples,
              'incident',
            )}`}
        {timeToRestore.open > 0 ? ` (${timeToRestore.open} still open)` : ''}.
      </Typography>
    </>
  );
}
