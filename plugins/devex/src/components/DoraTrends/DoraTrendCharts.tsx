import { ReactElement } from 'react';
import { Grid, makeStyles, Typography, useTheme } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import type {
  DoraSeriesPoint,
  DoraSeriesResponse,
} from '@paved/plugin-devex-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatHours, formatPercent } from '../format';

const useStyles = makeStyles(theme => ({
  chart: { width: '100%', height: 200 },
  empty: {
    height: 200,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: theme.palette.text.secondary,
  },
}));

interface ChartRow {
  label: string;
  week: string;
  deployments: number;
  leadTimeHours: number | null;
  changeFailurePercent: number | null;
  recoveryHours: number | null;
}

function toRows(points: DoraSeriesPoint[]): ChartRow[] {
  return points.map(point => ({
    label: new Date(point.start).toLocaleDateString(undefined, {
      day: 'numeric',
      month: 'short',
    }),
    week: point.week,
    deployments: point.deployments,
    leadTimeHours: point.leadTimeMedianHours,
    changeFailurePercent:
      point.changeFailureRate === null ? null : point.changeFailureRate * 100,
    recoveryHours: point.recoveryMedianHours,
  }));
}

interface ChartCardProps {
  title: string;
  subheader: string;
  hasData: boolean;
  testId: string;
  children: ReactElement;
}

function ChartCard(props: ChartCardProps) {
  const classes = useStyles();
  return (
    <InfoCard title={props.title} subheader={props.subheader} noPadding={false}>
      <div data-testid={props.testId}>
        {props.hasData ? (
          <div className={classes.chart}>
            <ResponsiveContainer width="100%" height="100%">
              {props.children}
            </ResponsiveContainer>
          </div>
        ) : (
          <Typography className={classes.empty}>
            No data in this window
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}

/**
 * Weekly trends. Weeks without samples are gaps in the lines, not zeros, so a quiet week does not
 * draw an "elite" dip.
 */
export function DoraTrendCharts(props: { series: DoraSeriesResponse }) {
  const theme = useTheme();
  const rows = toRows(props.series.points);
  const hasAny = (key: keyof ChartRow) =>
    rows.some(row => row[key] !== null && row[key] !== 0);
  const axisColor = theme.palette.text.secondary;
  const gridColor = theme.palette.divider;
  const tooltipStyle = {
    backgroundColor: theme.palette.background.paper,
    border: `1px solid ${gridColor}`,
  };
  const xAxis = (
    <XAxis dataKey="label" stroke={axisColor} tick={{ fontSize: 11 }} />
  );
  const grid = <CartesianGrid strokeDasharray="3 3" stroke={gridColor} />;
  const weekLabel = (_: unknown, payload: any[]) =>
    payload?.[0]?.payload
      ? `Week ${payload[0].payload.week} (from ${payload[0].payload.label})`
      : '';
  const subheader = `Per ISO week, weeks starting Monday in ${props.series.timeZone}`;

  // The three weekly medians and rates share one shape: a line with gaps where a week has none.
  const weeklyLine = (line: {
    dataKey: keyof ChartRow;
    stroke: string;
    unit?: string;
    tooltip: (value: number) => [string, string];
  }) => (
    <LineChart data={rows}>
      {grid}
      {xAxis}
      <YAxis unit={line.unit} stroke={axisColor} tick={{ fontSize: 11 }} />
      <Tooltip
        contentStyle={tooltipStyle}
        labelFormatter={weekLabel}
        formatter={line.tooltip}
      />
      <Line
        type="monotone"
        dataKey={line.dataKey}
        stroke={line.stroke}
        strokeWidth={2}
        dot={{ r: 2 }}
        connectNulls={false}
      />
    </LineChart>
  );
  const charts: Array<
    Omit<ChartCardProps, 'children'> & { chart: ReactElement }
  > = [
    {
      title: 'Deployments per week',
      subheader,
      hasData: hasAny('deployments'),
      testId: 'chart-deployments',
      chart: (
        <BarChart data={rows}>
          {grid}
          {xAxis}
          <YAxis
            allowDecimals={false}
            stroke={axisColor}
            tick={{ fontSize: 11 }}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={weekLabel}
            formatter={(value: number) => [value, 'Production deployments']}
          />
          <Bar dataKey="deployments" fill={theme.palette.primary.main} />
        </BarChart>
      ),
    },
    {
      title: 'Lead time for changes',
      subheader: 'Weekly median, hours',
      hasData: hasAny('leadTimeHours'),
      testId: 'chart-lead-time',
      chart: weeklyLine({
        dataKey: 'leadTimeHours',
        stroke: '#7b1fa2',
        tooltip: value => [formatHours(value), 'Median lead time'],
      }),
    },
    {
      title: 'Change failure rate',
      subheader: 'Weekly, % of production deployments',
      hasData: rows.some(row => row.changeFailurePercent !== null),
      testId: 'chart-change-failure-rate',
      chart: weeklyLine({
        dataKey: 'changeFailurePercent',
        stroke: '#c62828',
        unit: '%',
        tooltip: value => [formatPercent(value / 100), 'Change failure rate'],
      }),
    },
    {
      title: 'Failed deployment recovery time',
      subheader: 'Weekly median, hours',
      hasData: rows.some(row => row.recoveryHours !== null),
      testId: 'chart-recovery-time',
      chart: weeklyLine({
        dataKey: 'recoveryHours',
        stroke: '#ef6c00',
        tooltip: value => [formatHours(value), 'Median recovery'],
      }),
    },
  ];

  return (
    <Grid container spacing={2}>
      {charts.map(({ chart, ...card }) => (
        <Grid item xs={12} md={6} key={card.testId}>
          <ChartCard {...card}>{chart}</ChartCard>
        </Grid>
      ))}
    </Grid>
  );
}
