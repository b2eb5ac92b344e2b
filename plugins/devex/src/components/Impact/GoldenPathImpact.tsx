import {
  Box,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@material-ui/core';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import type {
  ImpactCohort,
  ImpactMeasure,
  ImpactResponse,
} from '@paved/plugin-devex-common';
import { devexApiRef, DevexScope } from '../../api/DevexApi';
import { TimeWindow } from '../../window/timeWindow';
import { formatHours, formatPercent, formatPerWeek, plural } from '../format';

const useStyles = makeStyles(theme => ({
  muted: { color: theme.palette.text.secondary },
  tooFew: { color: theme.palette.text.secondary, fontStyle: 'italic' },
  version: { paddingLeft: theme.spacing(4) },
  baseline: { background: theme.palette.action.hover },
}));

const MEASURES: Array<{
  key: keyof Pick<
    ImpactCohort,
    | 'deploymentFrequency'
    | 'leadTimeHours'
    | 'changeFailureRate'
    | 'recoveryTimeHours'
    | 'timeToFirstDeploymentHours'
  >;
  title: string;
  unit: string;
  format(value: number): string;
}> = [
  {
    key: 'deploymentFrequency',
    title: 'Deployments per service',
    unit: 'services',
    format: formatPerWeek,
  },
  {
    key: 'leadTimeHours',
    title: 'Lead time (median)',
    unit: 'commits',
    format: formatHours,
  },
  {
    key: 'changeFailureRate',
    title: 'Change failure rate',
    unit: 'deployments',
    format: formatPercent,
  },
  {
    key: 'recoveryTimeHours',
    title: 'Recovery time (median)',
    unit: 'recoveries',
    format: formatHours,
  },
  {
    key: 'timeToFirstDeploymentHours',
    title: 'Time to first deployment (median)',
    unit: 'services',
    format: formatHours,
  },
];

function MeasureCell(props: {
  measure: ImpactMeasure;
  unit: string;
  minimum: number;
  format(value: number): string;
}) {
  const classes = useStyles();
  const { measure, unit, minimum } = props;
  if (measure.tooFewSamples || measure.value === null) {
    return (
      <Tooltip
        title={`Compared only from ${minimum} ${unit} on; this cohort has ${measure.samples}.`}
      >
        <span className={classes.tooFew}>
          Too few samples ({measure.samples} of {minimum})
        </span>
      </Tooltip>
    );
  }
  return (
    <>
      <Typography variant="body2">{props.format(measure.value)}</Typography>
      <Typography variant="caption" className={classes.muted}>
        {plural(measure.samples, unit.replace(/s$/, ''), unit)}
      </Typography>
    </>
  );
}

function cohortName(cohort: ImpactCohort) {
  if (cohort.kind === 'none') return 'No template';
  if (cohort.kind === 'templateVersion')
    return `version ${cohort.templateVersion}`;
  return <EntityRefLink entityRef={cohort.templateRef!} />;
}

/** The cohorts as a table: templates with their versions, then services made from none. */
export function ImpactTable(props: { impact: ImpactResponse }) {
  const classes = useStyles();
  const { impact } = props;
  if (impact.cohorts.every(c => c.services === 0)) {
    return (
      <EmptyState
        missing="data"
        title="No services to compare"
        description="Services appear here once the catalog lists them; those made from a golden path carry its lineage annotations."
      />
    );
  }
  return (
    <Table size="small" aria-label="Golden-path impact">
      <TableHead>
        <TableRow>
          <TableCell>Cohort</TableCell>
          <TableCell align="right">Services</TableCell>
          {MEASURES.map(m => (
            <TableCell key={m.key}>{m.title}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {impact.cohorts.map(cohort => {
          const id = [cohort.kind, cohort.templateRef, cohort.templateVersion]
            .filter(Boolean)
            .join(':');
          return (
            <TableRow
              key={id}
              data-testid={`impact-cohort-${id}`}
              className={cohort.kind === 'none' ? classes.baseline : undefined}
            >
              <TableCell
                className={
                  cohort.kind === 'templateVersion'
                    ? classes.version
                    : undefined
                }
              >
                {cohortName(cohort)}
              </TableCell>
              <TableCell align="right">{cohort.services}</TableCell>
              {MEASURES.map(m => (
                <TableCell key={m.key}>
                  <MeasureCell
                    measure={cohort[m.key]}
                    unit={m.unit}
                    minimum={impact.minimumSamples}
                    format={m.format}
                  />
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * Golden-path impact for the organisation or a team: how services made from each template (and
 * each of its versions) deliver beside services made from none. A measure with fewer samples
 * than the configured minimum says so instead of inviting a comparison.
 */
export function GoldenPathImpact(props: {
  scope: DevexScope;
  window: TimeWindow;
}) {
  const { scope, window } = props;
  const devexApi = useApi(devexApiRef);
  const state = useAsync(
    () => devexApi.getImpact({ scope, from: window.from, to: window.to }),
    [
      scope.kind === 'group' ? scope.group : scope.kind,
      window.from.getTime(),
      window.to.getTime(),
    ],
  );
  return (
    <InfoCard
      title="Golden-path impact"
      subheader="DORA measures and time to first deployment per template and version, beside services made from no template"
    >
      {state.loading && <Progress />}
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.value && (
        <Box overflow="auto">
          <ImpactTable impact={state.value} />
        </Box>
      )}
    </InfoCard>
  );
}
