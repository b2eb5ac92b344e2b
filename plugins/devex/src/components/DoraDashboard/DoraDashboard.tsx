import { ReactNode } from 'react';
import { Box, Grid, makeStyles, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { devexApiRef, DevexScope } from '../../api/DevexApi';
import { TimeWindow, viewerTimeZone } from '../../window/timeWindow';
import { DoraMetricCards } from '../DoraMetrics/DoraMetricCards';
import { DoraTrendCharts } from '../DoraTrends/DoraTrendCharts';
import { RecentDeploymentsTable } from '../Activity/RecentDeploymentsTable';
import { RecentIncidentsTable } from '../Activity/RecentIncidentsTable';
import { DevexMeasures } from '../Measures/DevexMeasures';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(3) },
  sectionTitle: { marginBottom: theme.spacing(1.5), fontWeight: 600 },
}));

function scopeKey(scope: DevexScope): string {
  if (scope.kind === 'entity') return `entity:${scope.entityRef}`;
  if (scope.kind === 'group') return `group:${scope.group}`;
  return 'organization';
}

export function Section(props: {
  title: string;
  children: ReactNode;
  id?: string;
}) {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-labelledby={props.id}>
      <Typography
        variant="h5"
        component="h2"
        className={classes.sectionTitle}
        id={props.id}
      >
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

/** A section's own loading and error state, so one failing request does not blank the page. */
function Loaded<T>(props: {
  state: { loading: boolean; error?: Error; value?: T };
  children: (value: T) => ReactNode;
}) {
  const { state } = props;
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.value === undefined) return null;
  return <>{props.children(state.value)}</>;
}

/**
 * Shown whenever seeded demo events contributed to the figures, so nobody mistakes the demo for
 * their team's real delivery performance.
 */
export function DemoDataBanner() {
  return (
    <Alert severity="info" variant="outlined" data-testid="demo-data-banner">
      <strong>Demo data.</strong> These figures include events seeded for the
      example organisation (source <code>paved-demo</code>), not deliveries of
      real services.
    </Alert>
  );
}

export interface DoraDashboardProps {
  scope: DevexScope;
  window: TimeWindow;
  /** DevEx measures (onboarding, self-service, adoption, NPS) belong on the /devex page only. */
  showMeasures?: boolean;
}

/** Everything the portal shows for one scope and window: DORA cards, trends, activity, measures. */
export function DoraDashboard(props: DoraDashboardProps) {
  const { scope, window, showMeasures = true } = props;
  const devexApi = useApi(devexApiRef);
  const key = scopeKey(scope);
  const deps = [key, window.from.getTime(), window.to.getTime()];
  const query = { scope, from: window.from, to: window.to };

  const metrics = useAsync(() => devexApi.getDoraMetrics(query), deps);
  const series = useAsync(
    () => devexApi.getDoraSeries({ ...query, timeZone: viewerTimeZone() }),
    deps,
  );
  const deployments = useAsync(
    () => devexApi.getDeployments({ ...query, limit: 15 }),
    deps,
  );
  const incidents = useAsync(
    () => devexApi.getIncidents({ ...query, limit: 10 }),
    deps,
  );
  const measures = useAsync(
    async () =>
      showMeasures
        ? Promise.all([
            devexApi.getMeasures(query),
            devexApi.getSurveySummary(query),
          ])
        : undefined,
    [...deps, showMeasures],
  );

  const demo =
    metrics.value?.demo ||
    deployments.value?.items.some(item => item.demo) ||
    incidents.value?.items.some(item => item.demo);

  return (
    <Box>
      {demo && (
        <Box mb={2}>
          <DemoDataBanner />
        </Box>
      )}
      <Loaded state={metrics}>
        {value => <DoraMetricCards metrics={value} />}
      </Loaded>

      <Section title="Trends" id="devex-trends">
        <Loaded state={series}>
          {value => <DoraTrendCharts series={value} />}
        </Loaded>
      </Section>

      <Section title="Recent activity" id="devex-activity">
        <Grid container spacing={2}>
          <Grid item xs={12} xl={7}>
            <Loaded state={deployments}>
              {value => <RecentDeploymentsTable deployments={value.items} />}
            </Loaded>
          </Grid>
          <Grid item xs={12} xl={5}>
            <Loaded state={incidents}>
              {value => <RecentIncidentsTable incidents={value.items} />}
            </Loaded>
          </Grid>
        </Grid>
      </Section>

      {showMeasures && (
        <Section title="Developer experience" id="devex-measures">
          <Loaded state={measures}>
            {value =>
              value ? (
                <DevexMeasures
                  measures={value[0]}
                  survey={value[1]}
                  scope={scope}
                />
              ) : null
            }
          </Loaded>
        </Section>
      )}
    </Box>
  );
}
