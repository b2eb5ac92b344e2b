import {
  Box,
  Grid,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  makeStyles,
  Tooltip,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { ComponentProps } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  DevexMeasuresResponse,
  SurveySummaryResponse,
} from '@paved/plugin-devex-common';
import { DevexScope } from '../../api/DevexApi';
import { formatHours, formatPercent, formatTimestamp, plural } from '../format';

const useStyles = makeStyles(theme => ({
  figure: { fontSize: '1.8rem', fontWeight: 600, lineHeight: 1.3 },
  noData: {
    fontSize: '1.3rem',
    fontWeight: 500,
    lineHeight: 1.6,
    color: theme.palette.text.secondary,
  },
  detail: { color: theme.palette.text.secondary },
  bar: { height: 8, borderRadius: 4, margin: theme.spacing(1, 0) },
  comment: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  split: {
    display: 'flex',
    height: 10,
    borderRadius: 5,
    overflow: 'hidden',
    margin: theme.spacing(1, 0),
    backgroundColor: theme.palette.divider,
  },
}));

/** The measures' cards: equal height in a row, with headings sized for four across. */
function MeasureCard(props: ComponentProps<typeof InfoCard>) {
  return (
    <InfoCard
      variant="fullHeight"
      titleTypographyProps={{ variant: 'h6', component: 'h3' }}
      {...props}
    />
  );
}

function Figure(props: { value: string | null; testId: string }) {
  const classes = useStyles();
  return props.value === null ? (
    <Typography className={classes.noData} data-testid={props.testId}>
      No data
    </Typography>
  ) : (
    <Typography className={classes.figure} data-testid={props.testId}>
      {props.value}
    </Typography>
  );
}

function TimeToFirstDeployment(props: {
  measure: DevexMeasuresResponse['timeToFirstDeployment'];
}) {
  const classes = useStyles();
  const { measure } = props;
  const recent = [...measure.services]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, 4);
  return (
    <MeasureCard
      title="Time to first production deployment"
      subheader="From a golden-path Create to the service's first successful production deployment"
    >
      <Figure
        testId="measure-time-to-first-deployment"
        value={
          measure.medianHours === null ? null : formatHours(measure.medianHours)
        }
      />
      <Typography variant="body2" className={classes.detail}>
        {measure.medianHours === null
          ? 'No service created from a template has deployed yet'
          : `median of ${plural(measure.samples, 'service')}`}
        {measure.pending > 0 && ` · ${measure.pending} not deployed yet`}
      </Typography>
      {recent.length > 0 && (
        <List dense disablePadding>
          {recent.map(service => (
            <ListItem key={service.entityRef} disableGutters>
              <ListItemText
                primary={<EntityRefLink entityRef={service.entityRef} />}
                secondary={`created ${formatTimestamp(service.createdAt)} · ${
                  service.hours === null
                    ? 'not deployed yet'
                    : `first deployment after ${formatHours(service.hours)}`
                }`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </MeasureCard>
  );
}

function SelfService(props: { measure: DevexMeasuresResponse['selfService'] }) {
  const classes = useStyles();
  const { measure } = props;
  return (
    <MeasureCard
      title="Self-service ratio"
      subheader="Infrastructure requests fulfilled with no human step"
    >
      <Figure
        testId="measure-self-service"
        value={measure.ratio === null ? null : formatPercent(measure.ratio)}
      />
      {measure.ratio !== null && (
        <LinearProgress
          variant="determinate"
          value={measure.ratio * 100}
          className={classes.bar}
        />
      )}
      <Typography variant="body2" className={classes.detail}>
        {measure.total === 0
          ? 'No infrastructure requests in this window'
          : `${measure.automated} of ${plural(
              measure.total,
              'request',
            )} fully automated`}
      </Typography>
    </MeasureCard>
  );
}

function TemplateAdoption(props: {
  measure: DevexMeasuresResponse['templateAdoption'];
}) {
  const classes = useStyles();
  const { measure } = props;
  const templates = [...measure.templates]
    .sort((a, b) => b.components - a.components)
    .slice(0, 4);
  return (
    <MeasureCard
      title="Template adoption"
      subheader="Components made from a golden path (paved.dev/template)"
    >
      <Figure
        testId="measure-template-adoption"
        value={measure.ratio === null ? null : formatPercent(measure.ratio)}
      />
      {measure.ratio !== null && (
        <LinearProgress
          variant="determinate"
          value={measure.ratio * 100}
          className={classes.bar}
        />
      )}
      <Typography variant="body2" className={classes.detail}>
        {measure.components === 0
          ? 'No components in this scope'
          : `${measure.fromTemplate} of ${plural(
              measure.components,
              'component',
            )}`}
      </Typography>
      {templates.length > 0 && (
        <List dense disablePadding>
          {templates.map(template => (
            <ListItem key={template.templateRef} disableGutters>
              <ListItemText
                primary={<EntityRefLink entityRef={template.templateRef} />}
                secondary={plural(template.components, 'component')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </MeasureCard>
  );
}

/**
 * Net Promoter Score of the pulse survey. A result (the organisation's or a team's) is shown only
 * from the minimum number of respondents on (5 by default), so a single answer cannot be traced
 * back to a person. Comments reach only the platform team, dated by week.
 */
export function NetPromoterScore(props: {
  summary: SurveySummaryResponse;
  scope: DevexScope;
}) {
  const classes = useStyles();
  const { summary, scope } = props;
  const team =
    scope.kind === 'group'
      ? summary.teams.find(row => row.group === scope.group)
      : undefined;
  // No answers at all is "no data", not a secret.
  const hidden =
    scope.kind === 'group'
      ? !team || team.suppressed
      : summary.suppressed && summary.respondents > 0;
  const subheader =
    scope.kind === 'group'
      ? 'Pulse survey of this team, 0–10'
      : 'Pulse survey of the whole organisation, 0–10';

  if (hidden) {
    const respondents =
      scope.kind === 'group' ? team?.respondents : summary.respondents;
    return (
      <MeasureCard title="Developer satisfaction (NPS)" subheader={subheader}>
        <Typography className={classes.noData} data-testid="measure-nps">
          Hidden
        </Typography>
        <Typography variant="body2" className={classes.detail}>
          Results are shown from {summary.minimumRespondents} respondents on
          {respondents !== undefined
            ? ` (${plural(respondents, 'respondent')} so far)`
            : ''}
          , so no answer can be traced to a person.
        </Typography>
      </MeasureCard>
    );
  }

  const nps = team ? team.nps : summary.nps;
  const promoters = summary.promoters ?? 0;
  const passives = summary.passives ?? 0;
  const detractors = summary.detractors ?? 0;
  const total = promoters + passives + detractors;
  const share = (count: number) => (total > 0 ? (count / total) * 100 : 0);
  // The survey knows respondents' teams, not services: below team level the figure is the
  // organisation's, and the card says so.
  return (
    <MeasureCard title="Developer satisfaction (NPS)" subheader={subheader}>
      <Figure
        testId="measure-nps"
        value={nps === null ? null : String(Math.round(nps))}
      />
      <Typography variant="body2" className={classes.detail}>
        {plural(team ? team.respondents : summary.respondents, 'respondent')}
      </Typography>
      {!team && total > 0 && (
        <>
          <Tooltip
            title={`${promoters} promoters (9–10) · ${passives} passives (7–8) · ${detractors} detractors (0–6)`}
          >
            <div
              className={classes.split}
              aria-label="Promoters, passives and detractors"
            >
              <Box width={`${share(promoters)}%`} bgcolor="#2e7d32" />
              <Box width={`${share(passives)}%`} bgcolor="#bdbdbd" />
              <Box width={`${share(detractors)}%`} bgcolor="#c62828" />
            </div>
          </Tooltip>
          <Typography variant="caption" className={classes.detail}>
            {promoters} promoters · {passives} passives · {detractors}{' '}
            detractors
          </Typography>
        </>
      )}
      {!team && summary.comments && summary.comments.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" gutterBottom>
            Recent comments (visible to the platform team)
          </Typography>
          {summary.comments.slice(0, 5).map(comment => (
            <div
              key={`${comment.week}-${comment.score}-${comment.comment}`}
              className={classes.comment}
            >
              <Typography variant="body2">“{comment.comment}”</Typography>
              <Typography variant="caption" className={classes.detail}>
                score {comment.score} · week {comment.week}
              </Typography>
            </div>
          ))}
        </Box>
      )}
    </MeasureCard>
  );
}

/** The developer-experience measures beside DORA: onboarding speed, self-service, adoption, NPS. */
export function DevexMeasures(props: {
  measures: DevexMeasuresResponse;
  survey: SurveySummaryResponse;
  scope: DevexScope;
}) {
  const { measures, survey, scope } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6} lg={3}>
        <TimeToFirstDeployment measure={measures.timeToFirstDeployment} />
      </Grid>
      <Grid item xs={12} md={6} lg={3}>
        <SelfService measure={measures.selfService} />
      </Grid>
      <Grid item xs={12} md={6} lg={3}>
        <TemplateAdoption measure={measures.templateAdoption} />
      </Grid>
      <Grid item xs={12} md={6} lg={3}>
        <NetPromoterScore summary={survey} scope={scope} />
      </Grid>
    </Grid>
  );
}
