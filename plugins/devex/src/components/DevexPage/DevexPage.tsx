import { useMemo } from 'react';
import {
  Box,
  Breadcrumbs,
  Card,
  CardActionArea,
  CardContent,
  Grid,
  Link,
  makeStyles,
  MenuItem,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useSearchParams } from 'react-router-dom';
import { DevexScope } from '../../api/DevexApi';
import {
  customWindow,
  lastDays,
  TimeWindow,
  WindowPreset,
} from '../../window/timeWindow';
import { DoraDashboard, Section } from '../DoraDashboard/DoraDashboard';
import { GoldenPathImpact } from '../Impact/GoldenPathImpact';
import { PulseSurveyCard } from '../PulseSurvey/PulseSurveyCard';
import { ReviewFlow } from '../ReviewFlow/ReviewFlow';
import { WindowSelector } from '../WindowSelector/WindowSelector';
import { PlatformMeasures } from '../PlatformMeasures/PlatformMeasures';
import { Onboarding } from '../Onboarding/Onboarding';
import {
  Service,
  Team,
  useServices,
  useTeams,
  withDescendants,
} from './useTeams';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  selectors: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) },
  select: { minWidth: 220 },
  heading: { marginBottom: theme.spacing(2) },
  headingTitle: { fontWeight: 600 },
  subtitle: { color: theme.palette.text.secondary },
  drillCard: { height: '100%' },
  drillMeta: { color: theme.palette.text.secondary },
}));

const PRESET_DAYS: Record<string, number> = { '30': 30, '90': 90, '180': 180 };
const DEFAULT_DAYS = 90;

/** The window from the URL (`window`, and `from`/`to` for custom); 90 days when absent or bad. */
export function windowFromParams(
  params: URLSearchParams,
  now = new Date(),
): TimeWindow {
  const preset = params.get('window');
  if (preset === 'custom') {
    const custom = customWindow(params.get('from'), params.get('to'));
    if (custom) return custom;
  }
  return lastDays(PRESET_DAYS[preset ?? ''] ?? DEFAULT_DAYS, now);
}

function TeamDrillDown(props: {
  teams: Team[];
  onSelect(teamRef: string): void;
}) {
  const classes = useStyles();
  return (
    <Grid container spacing={2}>
      {props.teams.map(team => (
        <Grid item xs={12} sm={6} md={4} lg={3} key={team.ref}>
          <Card className={classes.drillCard} variant="outlined">
            <CardActionArea
              onClick={() => props.onSelect(team.ref)}
              aria-label={`Open team ${team.title}`}
            >
              <CardContent>
                <Typography variant="h6">{team.title}</Typography>
                <Typography variant="body2" className={classes.drillMeta}>
                  {team.ref}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}

function ServiceDrillDown(props: {
  services: Service[];
  onSelect(serviceRef: string): void;
}) {
  const classes = useStyles();
  if (props.services.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No services owned by this team"
        description="Components appear here once the catalog lists this team (or one of its sub-teams) as their owner."
      />
    );
  }
  return (
    <Grid container spacing={2}>
      {props.services.map(service => (
        <Grid item xs={12} sm={6} md={4} lg={3} key={service.ref}>
          <Card className={classes.drillCard} variant="outlined">
            <CardActionArea
              onClick={() => props.onSelect(service.ref)}
              aria-label={`Open service ${service.title}`}
            >
              <CardContent>
                <Typography variant="h6">{service.title}</Typography>
                <Typography variant="body2" className={classes.drillMeta}>
                  {[
                    service.type,
                    service.system && `system ${service.system}`,
                    service.owner && `owner ${service.owner}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
                {service.description && (
                  <Typography variant="body2">{service.description}</Typography>
                )}
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * `/devex`: delivery performance of the organisation, a team or a service. The drill-down and the
 * window live in the URL, so a view can be shared and the back button walks up the levels.
 */
export function DevexPage() {
  const classes = useStyles();
  const configApi = useApi(configApiRef);
  const organisationName =
    configApi.getOptionalString('organization.name') ?? 'Organisation';
  const [params, setParams] = useSearchParams();
  const teamRef = params.get('team') ?? undefined;
  const serviceRef = params.get('service') ?? undefined;
  const window = useMemo(() => windowFromParams(params), [params]);
  const view = params.get('view') === 'impact' ? 'impact' : 'delivery';

  const teams = useTeams();
  const team = teams.value?.find(t => t.ref === teamRef);
  const ownerRefs = useMemo(
    () =>
      teams.value && teamRef
        ? withDescendants(teams.value, teamRef)
        : undefined,
    [teams.value, teamRef],
  );
  const services = useServices(ownerRefs);
  const service = services.value?.find(s => s.ref === serviceRef);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  let scope: DevexScope = { kind: 'organization' };
  if (serviceRef) scope = { kind: 'entity', entityRef: serviceRef };
  else if (teamRef) scope = { kind: 'group', group: teamRef };

  const scopeTitle =
    service?.title ?? serviceRef ?? team?.title ?? teamRef ?? organisationName;
  let scopeSubtitle = 'Organisation: every service in the catalog';
  if (scope.kind === 'entity') {
    scopeSubtitle = 'Service: its own production deployments and incidents';
  } else if (scope.kind === 'group') {
    const pooled = services.value
      ? `the ${services.value.length} services`
      : 'every service';
    scopeSubtitle = `Team: pooled over ${pooled} it owns, directly or through sub-teams`;
  }

  return (
    <Content>
      <div className={classes.toolbar}>
        <div className={classes.selectors}>
          <TextField
            select
            size="small"
            variant="outlined"
            label="Team"
            className={classes.select}
            // Until the options load, a ref from the URL has no matching item.
            value={teams.value ? teamRef ?? '' : ''}
            disabled={!teams.value}
            SelectProps={{ displayEmpty: true }}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'team-select' }}
            onChange={e =>
              update({ team: e.target.value || undefined, service: undefined })
            }
          >
            <MenuItem value="">All teams ({organisationName})</MenuItem>
            {(teams.value ?? []).map(t => (
              <MenuItem
                key={t.ref}
                value={t.ref}
                style={{ paddingLeft: 16 + t.depth * 16 }}
              >
                {t.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            variant="outlined"
            label="Service"
            className={classes.select}
            value={services.value ? serviceRef ?? '' : ''}
            disabled={!teamRef || !services.value}
            SelectProps={{ displayEmpty: true }}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'service-select' }}
            onChange={e => update({ service: e.target.value || undefined })}
          >
            <MenuItem value="">All services of the team</MenuItem>
            {(services.value ?? []).map(s => (
              <MenuItem key={s.ref} value={s.ref}>
                {s.title}
              </MenuItem>
            ))}
          </TextField>
        </div>
        <WindowSelector
          window={window}
          onPreset={(preset: Exclude<WindowPreset, 'custom'>) =>
            update({ window: preset, from: undefined, to: undefined })
          }
          onCustom={(fromDay, toDay) =>
            update({ window: 'custom', from: fromDay, to: toDay })
          }
        />
      </div>

      <Box className={classes.heading}>
        <Breadcrumbs aria-label="Drill-down">
          {scope.kind === 'organization' ? (
            <Typography color="textPrimary">{organisationName}</Typography>
          ) : (
            <Link
              component="button"
              onClick={() => update({ team: undefined, service: undefined })}
            >
              {organisationName}
            </Link>
          )}
          {teamRef &&
            (scope.kind === 'group' ? (
              <Typography color="textPrimary">
                {team?.title ?? teamRef}
              </Typography>
            ) : (
              <Link
                component="button"
                onClick={() => update({ service: undefined })}
              >
                {team?.title ?? teamRef}
              </Link>
            ))}
          {serviceRef && (
            <Typography color="textPrimary">
              {service?.title ?? serviceRef}
            </Typography>
          )}
        </Breadcrumbs>
        <Typography
          variant="h4"
          component="h1"
          className={classes.headingTitle}
        >
          {scopeTitle}
        </Typography>
        <Typography variant="body2" className={classes.subtitle}>
          {scopeSubtitle}
          {scope.kind === 'entity' && (
            <>
              {' · '}
              <EntityRefLink entityRef={scope.entityRef}>
                catalog page
              </EntityRefLink>
            </>
          )}
        </Typography>
      </Box>

      <Tabs
        value={view}
        onChange={(_, next) =>
          update({ view: next === 'impact' ? 'impact' : undefined })
        }
        indicatorColor="primary"
        aria-label="DevEx views"
      >
        <Tab value="delivery" label="Delivery" />
        <Tab value="impact" label="Golden-path impact" />
      </Tabs>

      {view === 'impact' ? (
        <Box mt={2}>
          <GoldenPathImpact
            // Cohorts pool services: a selected service narrows to its team, not to itself.
            scope={teamRef ? { kind: 'group', group: teamRef } : scope}
            window={window}
          />
        </Box>
      ) : (
        <>
          <DoraDashboard scope={scope} window={window} />
          <Section title="Review flow" id="devex-review-flow">
            <ReviewFlow scope={scope} window={window} />
          </Section>
        </>
      )}

      {view === 'delivery' && scope.kind === 'organization' && (
        <Section title="Teams" id="devex-teams">
          {teams.loading && <Progress />}
          {teams.error && <ResponseErrorPanel error={teams.error} />}
          {teams.value && (
            <TeamDrillDown
              teams={teams.value}
              onSelect={ref => update({ team: ref, service: undefined })}
            />
          )}
        </Section>
      )}
      {view === 'delivery' && scope.kind === 'group' && (
        <Section title="Services" id="devex-services">
          {services.loading && <Progress />}
          {services.error && <ResponseErrorPanel error={services.error} />}
          {services.value && (
            <ServiceDrillDown
              services={services.value}
              onSelect={ref => update({ service: ref })}
            />
          )}
        </Section>
      )}

      {view === 'delivery' && (
        <Section title="Onboarding" id="devex-onboarding">
          {/* People belong to teams: a selected service narrows to its team. */}
          <Onboarding group={teamRef} window={window} />
        </Section>
      )}

      {view === 'delivery' && scope.kind === 'organization' && (
        <Section title="The platform itself" id="devex-platform">
          <PlatformMeasures window={window} />
        </Section>
      )}

      <Section title="Tell the platform team" id="devex-survey">
        <Grid container>
          <Grid item xs={12} md={8} lg={6}>
            <PulseSurveyCard />
          </Grid>
        </Grid>
      </Section>
    </Content>
  );
}
