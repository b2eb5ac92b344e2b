import { Grid, makeStyles, Typography } from '@material-ui/core';
import {
  BandedMetric,
  DoraLevel,
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
        {bandsNote(
          banded,
          bands !== undefined && bands !== null,
          bandsSource,
          definition.reportYear,
        )}
      </p>
    </>
  );
}

function bandsNote(
  banded: boolean,
  hasBands: boolean,
  bandsSource: string,
  reportYear: number | string,
): string {
  if (!banded) {
    return `Definition: DORA ${reportYear} Accelerate State of DevOps report (no level bands).`;
  }
  return hasBands
    ? `Level bands: ${bandsSource}.`
    : `No level bands: ${bandsSource} has no tiers.`;
}

function recoveryEmptyDetail(open: number): string {
  return open > 0
    ? `${plural(open, 'failed deployment')} not yet recovered`
    : 'No failed deployment in this window';
}

/** What one card shows: `value` is `null` without samples; `level` is absent for rework rate. */
interface MetricFigure {
  metric: DoraMetricName;
  testId: string;
  value: string | null;
  detail: string;
  level?: DoraLevel | null;
}

function metricFigures(metrics: DoraMetricsResponse): MetricFigure[] {
  const {
    deploymentFrequency,
    leadTime,
    changeFailureRate,
    recoveryTime,
    reworkRate,
  } = metrics;
  return [
    {
      metric: 'deploymentFrequency',
      testId: 'metric-deployment-frequency',
      value:
        deploymentFrequency.deployments > 0
          ? formatPerWeek(deploymentFrequency.perWeek)
          : null,
      detail:
        deploymentFrequency.deployments > 0
          ? `${plural(
              deploymentFrequency.deployments,
              'production deployment',
            )} in the window`
          : 'No successful production deployment in this window',
      level: deploymentFrequency.level,
    },
    {
      metric: 'leadTime',
      testId: 'metric-lead-time',
      value:
        leadTime.medianHours === null
          ? null
          : formatHours(leadTime.medianHours),
      detail:
        leadTime.medianHours === null
          ? 'No commit reached production in this window'
          : `median of ${plural(leadTime.samples, 'commit')}${
              leadTime.p90Hours === null
                ? ''
                : ` · p90 ${formatHours(leadTime.p90Hours)}`
            }`,
      level: leadTime.level,
    },
    {
      metric: 'changeFailureRate',
      testId: 'metric-change-failure-rate',
      value:
        changeFailureRate.ratio === null
          ? null
          : formatPercent(changeFailureRate.ratio),
      detail:
        changeFailureRate.ratio === null
          ? 'No production deployment to judge'
          : `${changeFailureRate.failedDeployments} of ${plural(
              changeFailureRate.deployments,
              'deployment',
            )} caused a failure`,
      level: changeFailureRate.level,
    },
    {
      metric: 'recoveryTime',
      testId: 'metric-recovery-time',
      value:
        recoveryTime.medianHours === null
          ? null
          : formatHours(recoveryTime.medianHours),
      detail:
        recoveryTime.medianHours === null
          ? recoveryEmptyDetail(recoveryTime.open)
          : `median of ${plural(
              recoveryTime.samples,
              'recovery',
              'recoveries',
            )}${
              recoveryTime.open > 0 ? ` · ${recoveryTime.open} still open` : ''
            }`,
      level: recoveryTime.level,
    },
    {
      metric: 'reworkRate',
      testId: 'metric-rework-rate',
      value: reworkRate.ratio === null ? null : formatPercent(reworkRate.ratio),
      detail:
        reworkRate.ratio === null
          ? 'No production deployment to judge'
          : `${reworkRate.reworkDeployments} of ${plural(
              reworkRate.deployments,
              'deployment',
            )} were rollbacks, hotfixes or fixes`,
    },
  ];
}

/**
 * DORA's five metrics as cards. Every figure without samples reads "No data" and has no level:
 * a window with no deployments is not an elite change failure rate.
 */
export function DoraMetricCards(props: { metrics: DoraMetricsResponse }) {
  const classes = useStyles();
  const { metrics } = props;
  const { timeToRestore, bands, levelBands } = metrics;
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
        {metricFigures(metrics).map(figure => (
          <Grid item xs={12} sm={6} lg key={figure.metric}>
            <MetricCard
              testId={figure.testId}
              title={metricDefinitions[figure.metric].title}
              definition={definitionOf(figure.metric)}
              value={figure.value}
              detail={figure.detail}
              level={figure.level}
              levelSource={levelSource}
            />
          </Grid>
        ))}
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
