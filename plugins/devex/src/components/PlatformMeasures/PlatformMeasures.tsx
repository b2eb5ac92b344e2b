import {
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { feedbackCategoryTitles } from '@paved/plugin-devex-common';
import { devexApiRef } from '../../api/DevexApi';
import { TimeWindow } from '../../window/timeWindow';
import { formatPercent } from '../format';

const percentOrNone = (value: number | null) =>
  value === null ? 'No data' : formatPercent(value);

/** Uptime needs its decimals: 99.7 % and 100 % are seven hours a quarter apart. */
const uptimeOrNone = (value: number | null) =>
  value === null ? 'No data' : `${(value * 100).toFixed(2)} %`;

/** Last weeks first, at most this many rows per card. */
const WEEKS_SHOWN = 6;

/**
 * The platform's own measures for the organisation: the portal's uptime per week, provisioning
 * success and automation per week, and feedback from the control on every page.
 */
export function PlatformMeasures(props: { window: TimeWindow }) {
  const devexApi = useApi(devexApiRef);
  const query = {
    scope: { kind: 'organization' as const },
    from: props.window.from,
    to: props.window.to,
  };
  const data = useAsync(
    async () => ({
      availability: await devexApi.getAvailability(query),
      provisioning: await devexApi.getProvisioningWeeks(query),
      feedback: await devexApi.getFeedbackSummary(query),
    }),
    [devexApi, props.window.from.getTime(), props.window.to.getTime()],
  );
  if (data.loading) return <Progress />;
  if (data.error) return <ResponseErrorPanel error={data.error} />;
  const { availability, provisioning, feedback } = data.value!;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <InfoCard title="Portal availability">
          <Typography variant="h5" data-testid="availability-uptime">
            {uptimeOrNone(availability.uptime)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Readiness probed every minute; {availability.missingMinutes} minutes
            without a probe count as down.
          </Typography>
          <Table size="small" aria-label="Uptime per week">
            <TableBody>
              {availability.weeks
                .slice(-WEEKS_SHOWN)
                .reverse()
                .map(w => (
                  <TableRow key={w.week}>
                    <TableCell>{w.week}</TableCell>
                    <TableCell align="right">
                      {uptimeOrNone(w.uptime)}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Provisioning">
          <Typography variant="h5" data-testid="provisioning-success">
            {percentOrNone(provisioning.successRate)} succeeded
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {provisioning.automated} automated, {provisioning.manual} needed a
            person; actions: {provisioning.actions.platform} by the platform,{' '}
            {provisioning.actions.requester} self-service,{' '}
            {provisioning.actions.person} manual.
          </Typography>
          <Table size="small" aria-label="Provisioning per week">
            <TableHead>
              <TableRow>
                <TableCell>Week</TableCell>
                <TableCell align="right">Success</TableCell>
                <TableCell align="right">Automated</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {provisioning.weeks
                .slice(-WEEKS_SHOWN)
                .reverse()
                .map(w => (
                  <TableRow key={w.week}>
                    <TableCell>{w.week}</TableCell>
                    <TableCell align="right">
                      {percentOrNone(w.successRate)}
                    </TableCell>
                    <TableCell align="right">
                      {w.automated} / {w.automated + w.manual}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Portal feedback">
          <Typography variant="h5" data-testid="feedback-average">
            {feedback.averageRating === null
              ? 'No feedback yet'
              : `${feedback.averageRating} / 5`}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {feedback.responses} responses, {feedback.lowRatings} rated 1 or 2.
          </Typography>
          <Table size="small" aria-label="Feedback by page">
            <TableBody>
              {feedback.byPage.slice(0, 5).map(p => (
                <TableRow key={p.page}>
                  <TableCell>{p.page}</TableCell>
                  <TableCell align="right">
                    {p.averageRating} / 5 ({p.responses})
                  </TableCell>
                </TableRow>
              ))}
              {feedback.byCategory.map(c => (
                <TableRow key={c.category}>
                  <TableCell>{feedbackCategoryTitles[c.category]}</TableCell>
                  <TableCell align="right">{c.responses}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
