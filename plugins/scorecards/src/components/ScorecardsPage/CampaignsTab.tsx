import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { CampaignWithProgress } from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { failureToast } from '../common/toasts';
import { CheckStatus } from '../common/CheckStatus';
import { NewCampaignDialog } from './NewCampaignDialog';

function Progression(props: { campaign: CampaignWithProgress }) {
  const { done, total } = props.campaign.progress;
  const value = total === 0 ? 0 : (100 * done) / total;
  return (
    <Box minWidth={200}>
      <LinearProgress
        variant="determinate"
        value={value}
        aria-label={`${done} of ${total} done`}
      />
      <Typography variant="caption">
        {done} of {total} done
      </Typography>
    </Box>
  );
}

function CampaignDetail(props: { id: string }) {
  const api = useApi(scorecardsApiRef);
  const state = useAsyncRetry(() => api.getCampaign(props.id), [props.id]);
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const campaign = state.value!;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <InfoCard
          title={campaign.title}
          subheader={`Check ${campaign.checkId}, due ${campaign.deadline.slice(
            0,
            10,
          )}`}
        >
          <Typography variant="body2" paragraph>
            {campaign.description || 'No description.'}
          </Typography>
          <Progression campaign={campaign} />
          <Box mt={2}>
            <Typography variant="subtitle2">Progress by day</Typography>
            {campaign.progress.history.map(point => (
              <Typography variant="caption" display="block" key={point.day}>
                {point.day}: {point.done} of {point.total}
              </Typography>
            ))}
          </Box>
          <Box mt={2}>
            <Link to="campaigns">All campaigns</Link>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <Table
          title="Still to do"
          options={{ paging: false, search: false }}
          data={campaign.progress.remaining}
          columns={[
            { title: 'Entity', field: 'entityRef' },
            { title: 'Owner', field: 'owner' },
            {
              title: 'Status',
              render: row => <CheckStatus status={row.status as any} />,
            },
            { title: 'Why', field: 'reason' },
          ]}
          emptyContent={<Box p={2}>Every target entity passes: done.</Box>}
        />
      </Grid>
    </Grid>
  );
}

/** Campaigns: a check, a target set and a deadline, with progress; `?campaign=` opens one. */
export function CampaignsTab() {
  const api = useApi(scorecardsApiRef);
  const toastApi = useApi(toastApiRef);
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const state = useAsyncRetry(() => api.listCampaigns(), []);
  const selected = params.get('campaign');
  if (selected) return <CampaignDetail id={selected} />;
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const campaigns = state.value!.items;
  return (
    <>
      <Box mb={2} display="flex" justifyContent="flex-end">
        <Button
          variant="contained"
          color="primary"
          onClick={() => setCreating(true)}
        >
          New campaign
        </Button>
      </Box>
      {campaigns.length === 0 ? (
        <EmptyState
          missing="content"
          title="No campaigns"
          description="A campaign asks owners to make one check pass by a deadline, and tracks their progress."
        />
      ) : (
        <Table<CampaignWithProgress>
          title="Campaigns"
          options={{ paging: false, search: false }}
          data={campaigns}
          columns={[
            {
              title: 'Campaign',
              render: row => (
                <Link to={`campaigns?campaign=${row.id}`}>{row.title}</Link>
              ),
            },
            { title: 'Check', field: 'checkId' },
            { title: 'Deadline', render: row => row.deadline.slice(0, 10) },
            {
              title: 'Progress',
              render: row => <Progression campaign={row} />,
            },
          ]}
        />
      )}
      {creating && (
        <NewCampaignDialog
          onClose={() => setCreating(false)}
          onCreate={async body => {
            try {
              await api.createCampaign(body);
              setCreating(false);
              state.retry();
            } catch (error) {
              toastApi.post(
                failureToast('Could not create the campaign', error),
              );
            }
          }}
        />
      )}
    </>
  );
}
