import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  EmptyState,
  InfoCard,
  Link,
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  toastApiRef,
  useApi,
  type ToastApiMessage,
} from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  EntityCheckResult,
  EntityScorecard,
  EntityScorecardsResponse,
  FixAttempt,
} from '@paved/plugin-scorecards-common';
import { SCORECARD_LEVELS } from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { CheckStatus } from '../common/CheckStatus';
import { LevelChip } from '../common/LevelChip';
import { failureToast, SUCCESS_TOAST_TIMEOUT_MS } from '../common/toasts';
import { ExemptionDialog } from './ExemptionDialog';

function CheckRow(props: {
  check: EntityCheckResult;
  onFix: (check: EntityCheckResult) => void;
  onExempt: (check: EntityCheckResult) => void;
  busy: boolean;
}) {
  const { check } = props;
  const [open, setOpen] = useState(false);
  const failing = check.status === 'fail' || check.status === 'unknown';
  const fixing = check.fix?.status === 'started';
  return (
    <>
      <TableRow data-testid={`check-${check.checkId}`}>
        <TableCell style={{ width: 130, whiteSpace: 'nowrap' }}>
          <CheckStatus status={check.status} />
        </TableCell>
        <TableCell>
          <Typography variant="body2">
            <strong>{check.title}</strong>
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {check.reason}
          </Typography>
        </TableCell>
        <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
          {failing && check.fixer && !fixing && (
            <Button
              size="small"
              color="primary"
              variant="contained"
              disabled={props.busy}
              onClick={() => props.onFix(check)}
              title={check.fixer.description}
            >
              Fix it
            </Button>
          )}
          {fixing && check.fix?.url && (
            <Link to={check.fix.url}>Fix in progress</Link>
          )}
          {failing && (
            <Button size="small" onClick={() => props.onExempt(check)}>
              Ask for exemption
            </Button>
          )}
          <Button size="small" onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'How to fix'}
          </Button>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell />
          <TableCell colSpan={2}>
            <Typography variant="body2" color="textSecondary">
              {check.description}
            </Typography>
            <MarkdownContent content={check.howToFix} />
            <Typography variant="caption" color="textSecondary">
              Fact: {check.fact}
              {check.observedAt
                ? `, observed ${new Date(check.observedAt).toLocaleString()}`
                : ''}
            </Typography>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function ScorecardCard(props: {
  scorecard: EntityScorecard;
  onFix: (check: EntityCheckResult) => void;
  onExempt: (check: EntityCheckResult) => void;
  busy: boolean;
}) {
  const { scorecard } = props;
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <span>{scorecard.title}</span>
          <LevelChip level={scorecard.level} size="medium" />
        </Box>
      }
      subheader={
        scorecard.next
          ? `${scorecard.next.unmet} check(s) to go for ${scorecard.next.level}`
          : 'Every level reached'
      }
    >
      {SCORECARD_LEVELS.map(level => {
        const checks = scorecard.checks.filter(c => c.level === level);
        if (checks.length === 0) return null;
        return (
          <Box key={level} mb={2}>
            <Typography variant="h6" style={{ textTransform: 'capitalize' }}>
              {level}
            </Typography>
            <Table size="small" aria-label={`${level} checks`}>
              <TableHead>
                <TableRow>
                  <TableCell>Status</TableCell>
                  <TableCell>Check</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {checks.map(check => (
                  <CheckRow
                    key={check.checkId}
                    check={check}
                    onFix={props.onFix}
                    onExempt={props.onExempt}
                    busy={props.busy}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
        );
      })}
    </InfoCard>
  );
}

/**
 * The toast after "Fix it": started (fades, linking where to follow it), or failed at once
 * (stays, with the fixer's message).
 */
function fixToast(check: EntityCheckResult, fix: FixAttempt): ToastApiMessage {
  const fixer = check.fixer?.title ?? 'Fix';
  const links = fix.url
    ? [{ label: 'Follow the fix', href: fix.url }]
    : undefined;
  if (fix.status === 'failed') {
    return {
      title: `${fixer} failed`,
      description: fix.message ?? `${check.title}: the fix did not start.`,
      status: 'danger',
      links,
    };
  }
  return {
    title: `${fixer} started`,
    description: `${check.title} is evaluated again when the fix lands.`,
    status: 'success',
    links,
    timeout: SUCCESS_TOAST_TIMEOUT_MS,
  };
}

/** The "Scorecard" tab of a component: its level, every check with why, and the fixes. */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(scorecardsApiRef);
  const toastApi = useApi(toastApiRef);
  const [busy, setBusy] = useState(false);
  const [exempting, setExempting] = useState<EntityCheckResult>();
  const [refreshed, setRefreshed] = useState<EntityScorecardsResponse>();
  const state = useAsyncRetry(() => api.getEntity(entityRef), [entityRef]);
  const data = refreshed ?? state.value;

  if (state.loading && !data) return <Progress />;
  if (state.error) {
    if ((state.error as any).response?.status === 404) {
      return (
        <EmptyState
          missing="info"
          title="Not measured by scorecards"
          description="Scorecards measure the entity kinds configured in scorecards.entityKinds."
        />
      );
    }
    return <ResponseErrorPanel error={state.error} />;
  }
  if (!data || data.scorecards.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No scorecard applies"
        description="No scorecard selects this entity's kind, type or lifecycle."
      />
    );
  }

  /** Runs an action, then says in a toast what it started or why it could not. */
  const act = async <T,>(
    work: () => Promise<T>,
    toasts: { done: (result: T) => ToastApiMessage; failed: string },
  ) => {
    setBusy(true);
    try {
      toastApi.post(toasts.done(await work()));
      setRefreshed(undefined);
      state.retry();
    } catch (error) {
      toastApi.post(failureToast(toasts.failed, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <Typography variant="body2" color="textSecondary">
            {data.evaluatedAt
              ? `Evaluated ${new Date(data.evaluatedAt).toLocaleString()}`
              : 'Evaluated now from the facts collected so far'}
            {' · '}Unknown means a fact could not be read (the reason says why),
            never a failure.
          </Typography>
          <Button
            variant="outlined"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                setRefreshed(await api.refreshEntity(entityRef));
              } catch (error) {
                toastApi.post(failureToast('Could not re-check', error));
              } finally {
                setBusy(false);
              }
            }}
          >
            Re-check now
          </Button>
        </Box>
      </Grid>
      {data.scorecards.map(scorecard => (
        <Grid item xs={12} key={scorecard.id}>
          <ScorecardCard
            scorecard={scorecard}
            busy={busy}
            onFix={check =>
              act(() => api.startFix(entityRef, check.checkId), {
                done: fix => fixToast(check, fix),
                failed: `Could not start ${check.fixer?.title ?? 'the fix'}`,
              })
            }
            onExempt={setExempting}
          />
        </Grid>
      ))}
      {data.exemptions.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title="Exemptions">
            <Table size="small">
              <TableBody>
                {data.exemptions.map(e => (
                  <TableRow key={e.id}>
                    <TableCell>{e.checkId}</TableCell>
                    <TableCell>{e.status}</TableCell>
                    <TableCell>until {e.expiresAt.slice(0, 10)}</TableCell>
                    <TableCell>{e.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </InfoCard>
        </Grid>
      )}
      {exempting && (
        <ExemptionDialog
          check={exempting}
          onClose={() => setExempting(undefined)}
          onSubmit={async (reason, expiresAt) => {
            await act(
              () =>
                api.requestExemption({
                  entityRef,
                  checkId: exempting.checkId,
                  reason,
                  expiresAt,
                }),
              {
                done: () => ({
                  title: 'Exemption requested',
                  description: `${exempting.title}: the platform team reviews it.`,
                  status: 'success',
                  timeout: SUCCESS_TOAST_TIMEOUT_MS,
                }),
                failed: 'Could not request the exemption',
              },
            );
            setExempting(undefined);
          }}
        />
      )}
    </Grid>
  );
}
