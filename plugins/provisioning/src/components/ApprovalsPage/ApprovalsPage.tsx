import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  EmptyState,
  ErrorPanel,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ApprovalInboxItem,
  formatMonthlyCost,
} from '@paved/plugin-provisioning-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { requestRouteRef } from '../../routes';
import { ApprovalSummary } from '../common/ApprovalSummary';
import { ReviewActions } from '../common/ReviewActions';
import { formatTimestamp } from '../common/format';

/** The change's monthly cost, and for an operation what it adds or saves. */
const CostLine = ({ cost }: { cost: ApprovalInboxItem['cost'] }) => {
  if (!cost) return <Typography variant="body2">Cost unknown</Typography>;
  const { change } = cost;
  return (
    <Typography variant="body2" data-testid="approval-cost">
      Estimated cost: <strong>{formatMonthlyCost(cost)}</strong>
      {change !== undefined &&
        ` (${change >= 0 ? '+' : '−'}${formatMonthlyCost({
          ...cost,
          monthly: Math.abs(change),
        })})`}
    </Typography>
  );
};

/** What approving would change, line by line: `before → after`, or just `after` when new. */
const DiffTable = ({ item }: { item: ApprovalInboxItem }) => (
  <Table size="small" aria-label={`Changes of ${item.title}`}>
    <TableHead>
      <TableRow>
        <TableCell>Field</TableCell>
        <TableCell>Before</TableCell>
        <TableCell>After</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {item.diff.map(line => (
        <TableRow key={line.field}>
          <TableCell>{line.field}</TableCell>
          <TableCell>{line.before ?? '—'}</TableCell>
          <TableCell>
            <ins style={{ textDecoration: 'none', fontWeight: 500 }}>
              {line.after ?? '—'}
            </ins>
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const ApprovalCard = ({
  item,
  onReviewed,
}: {
  item: ApprovalInboxItem;
  onReviewed: () => void;
}) => {
  const requestLink = useRouteRef(requestRouteRef);
  return (
    <InfoCard
      title={
        <Link to={requestLink?.({ id: item.requestId }) ?? '#'}>
          {item.title}
        </Link>
      }
      subheader={
        <>
          {item.subjectType === 'request' ? 'New database' : 'Operation'} for{' '}
          <EntityRefLink entityRef={item.owner} defaultKind="group" />,
          requested by{' '}
          <EntityRefLink entityRef={item.requestedBy} defaultKind="user" />{' '}
          {formatTimestamp(item.createdAt)}
        </>
      }
    >
      <div data-testid={`approval-card-${item.id}`}>
        <CostLine cost={item.cost} />
        <Box my={1}>
          <DiffTable item={item} />
        </Box>
        <ApprovalSummary state={item.approval} />
        <Box mt={2}>
          {item.canApprove ? (
            <ReviewActions
              request={item.request}
              operation={
                item.subjectType === 'operation'
                  ? { id: item.id, title: item.title }
                  : undefined
              }
              onReviewed={onReviewed}
            />
          ) : (
            <Typography variant="body2" color="textSecondary">
              You cannot approve this: {item.reason}
            </Typography>
          )}
        </Box>
      </div>
    </InfoCard>
  );
};

/**
 * `/provisioning/approvals`: the approver's inbox of pending requests, each with what it would
 * create, its monthly cost and the approvals so far.
 */
export const ApprovalsPage = () => {
  const api = useApi(provisioningApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listApprovals(),
    [api],
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ErrorPanel title="Could not load the approvals" error={error} />;
  } else if (!value || value.environments.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="You do not approve database changes"
        description="Approvers are set per environment by the platform team (provisioning.environments.<env>.approval.approvers)."
      />
    );
  } else if (value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="Nothing to approve"
        description={`You approve changes in ${value.environments.join(
          ', ',
        )}. Pending requests appear here.`}
      />
    );
  } else {
    body = (
      <Grid container spacing={3}>
        {value.items.map(item => (
          <Grid item xs={12} md={6} key={`${item.subjectType}:${item.id}`}>
            <ApprovalCard item={item} onReviewed={retry} />
          </Grid>
        ))}
      </Grid>
    );
  }
  return (
    <Page themeId="tool">
      <Header
        title="Approvals"
        subtitle="Pending database requests you approve: four eyes, and as many approvers as each environment needs"
      />
      <Content>{body}</Content>
    </Page>
  );
};
