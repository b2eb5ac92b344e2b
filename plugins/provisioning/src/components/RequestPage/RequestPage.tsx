import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import MuiTable from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Alert from '@material-ui/lab/Alert';
import {
  Content,
  EmptyState,
  ErrorPanel,
  Header,
  Link,
  Page,
  Progress,
  StructuredMetadataTable,
  InfoCard,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import {
  databaseResourceEntityRef,
  engineDefinition,
  formatMonthlyCost,
  DatabaseRequestEvent,
  DatabaseRequestWithEvents,
  provisioningRequestDeletePermission,
  provisioningRequestReadSecretPermission,
} from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { rootRouteRef } from '../../routes';
import { ApprovalSummary } from '../common/ApprovalSummary';
import { ReviewActions } from '../common/ReviewActions';
import { StatusChip } from '../common/StatusChip';
import { formatRelative, formatTimestamp } from '../common/format';
import { useToastedAction } from '../common/toasts';
import { useLiveRequest } from '../common/useLiveRequest';
import { RevealCredentialsButton } from './CredentialsDialog';
import { StatusTimeline } from './StatusTimeline';
import { OperationsPanel } from './OperationsPanel';

const IN_PROGRESS = ['provisioning', 'deprovisioning', 'awaiting-approval'];

/** The catalog entity ref of the Resource the backend delivers for a ready request. */
export function resourceRef(request: DatabaseRequestWithEvents) {
  return request.resourceEntityRef ?? databaseResourceEntityRef(request);
}

const RequestActions = ({
  request,
  reload,
}: {
  request: DatabaseRequestWithEvents;
  reload: () => void;
}) => {
  const api = useApi(provisioningApiRef);
  const { allowed: mayDelete } = usePermission({
    permission: provisioningRequestDeletePermission,
    resourceRef: request.id,
  });
  const [confirming, setConfirming] = useState(false);
  const subject = `${request.name} (${request.environment})`;
  const { busy, run } = useToastedAction(reload);
  const deletable = [
    'awaiting-approval',
    'provisioning',
    'ready',
    'failed',
  ].includes(request.status);
  return (
    <Box display="flex" style={{ gap: 8 }} flexWrap="wrap">
      <ReviewActions
        request={request}
        onReviewed={reload}
        linkRequestPage={false}
      />
      {mayDelete &&
        request.environment === 'ephemeral' &&
        request.status === 'ready' && (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              run(
                {
                  done: updated => ({
                    title: updated.expiresAt
                      ? `Extended until ${formatTimestamp(updated.expiresAt)}`
                      : 'Extended',
                    description: subject,
                  }),
                  failed: `Could not extend ${subject}`,
                },
                () => api.extendRequest(request.id),
              )
            }
          >
            Extend
          </Button>
        )}
      {mayDelete && deletable && (
        <Button
          variant="outlined"
          color="secondary"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {request.status === 'awaiting-approval'
            ? 'Withdraw'
            : 'Delete database'}
        </Button>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>
          Delete {request.name} ({request.environment})?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {request.status === 'awaiting-approval'
              ? 'The request is withdrawn; nothing was created yet.'
              : 'The database and its data are removed, and its Resource leaves the catalog.'}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              setConfirming(false);
              run(
                {
                  done: () => ({
                    title:
                      request.status === 'awaiting-approval'
                        ? 'Request withdrawn'
                        : 'Deletion started',
                    description: subject,
                  }),
                  failed: `Could not ${
                    request.status === 'awaiting-approval'
                      ? 'withdraw'
                      : 'delete'
                  } ${subject}`,
                },
                () => api.deleteRequest(request.id),
              );
            }}
          >
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

const ConnectionCard = ({
  request,
}: {
  request: DatabaseRequestWithEvents;
}) => {
  const { allowed: mayReadSecret } = usePermission({
    permission: provisioningRequestReadSecretPermission,
    resourceRef: request.id,
  });
  if (request.status !== 'ready' || !request.outputs) return null;
  const { host, port, database, username, credentialsRef, keyPrefix } =
    request.outputs;
  const keptByPaved = credentialsRef.startsWith('paved-secret:');
  return (
    <InfoCard title="Connection">
      <StructuredMetadataTable
        dense
        metadata={{
          host,
          port: String(port),
          database,
          username,
          ...(typeof keyPrefix === 'string' ? { 'key prefix': keyPrefix } : {}),
          'credentials kept in': keptByPaved
            ? 'Paved (encrypted)'
            : credentialsRef,
          'catalog entity': <EntityRefLink entityRef={resourceRef(request)} />,
        }}
      />
      {keptByPaved && mayReadSecret && (
        <Box mt={2}>
          <RevealCredentialsButton requestId={request.id} />
        </Box>
      )}
    </InfoCard>
  );
};

const AuditLog = ({ events }: { events: DatabaseRequestEvent[] }) => (
  <InfoCard title="Audit log" noPadding>
    <MuiTable size="small" aria-label="Audit log">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Who</TableCell>
          <TableCell>What</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...events].reverse().map(e => (
          <TableRow key={e.id}>
            <TableCell>{formatTimestamp(e.createdAt)}</TableCell>
            <TableCell>{e.actor}</TableCell>
            <TableCell>{e.action}</TableCell>
            <TableCell>
              {e.toStatus ? `${e.fromStatus ?? '—'} → ${e.toStatus}` : ''}
            </TableCell>
            <TableCell>{e.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </MuiTable>
  </InfoCard>
);

export const RequestDetails = ({
  request,
  reload,
}: {
  request: DatabaseRequestWithEvents;
  reload: () => void;
}) => {
  const inProgress = IN_PROGRESS.includes(request.status);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard
          title={
            <Box display="flex" alignItems="center" style={{ gap: 12 }}>
              <span>Status</span>
              <StatusChip status={request.status} />
            </Box>
          }
          subheader={`Updated ${formatRelative(request.updatedAt)}`}
        >
          {request.status === 'failed' && request.failureReason && (
            <Box mb={2}>
              <Alert severity="error">{request.failureReason}</Alert>
            </Box>
          )}
          {request.status === 'awaiting-approval' && (
            <Box mb={2}>
              <Alert severity="info">
                This request needs an approval from the platform team.
                Provisioning starts as soon as it is approved; this page updates
                by itself.
              </Alert>
            </Box>
          )}
          {request.expiresAt &&
            !['deleted', 'expired', 'rejected'].includes(request.status) && (
              <Box mb={2}>
                <Alert severity="warning">
                  Ephemeral: deleted {formatRelative(request.expiresAt)} (
                  {formatTimestamp(request.expiresAt)}).
                </Alert>
              </Box>
            )}
          <StatusTimeline events={request.events} inProgress={inProgress} />
          <RequestActions request={request} reload={reload} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <Grid container spacing={3} direction="column">
          <Grid item>
            <ConnectionCard request={request} />
          </Grid>
          <Grid item>
            <InfoCard title="Request">
              <StructuredMetadataTable
                dense
                metadata={{
                  owner: (
                    <EntityRefLink
                      entityRef={request.owner}
                      defaultKind="group"
                    />
                  ),
                  system: request.system ? (
                    <EntityRefLink
                      entityRef={request.system}
                      defaultKind="system"
                    />
                  ) : (
                    '—'
                  ),
                  component: request.component ? (
                    <EntityRefLink
                      entityRef={request.component}
                      defaultKind="component"
                    />
                  ) : (
                    '—'
                  ),
                  engine: engineDefinition(request.type).title,
                  environment: request.environment,
                  size: request.size,
                  [engineDefinition(request.type).capacity
                    .name]: `${request.storageGB} GB`,
                  version: request.version ?? 'default',
                  provider: request.provider,
                  'requested by': (
                    <EntityRefLink
                      entityRef={request.requestedBy}
                      defaultKind="user"
                    />
                  ),
                  requested: formatTimestamp(request.createdAt),
                  'estimated cost': request.cost
                    ? formatMonthlyCost(request.cost)
                    : '—',
                  'approval required': request.approvalRequired ? 'yes' : 'no',
                  ...(request.approval
                    ? {
                        approvals: <ApprovalSummary state={request.approval} />,
                      }
                    : {}),
                }}
              />
            </InfoCard>
          </Grid>
        </Grid>
      </Grid>
      {!['awaiting-approval', 'provisioning', 'rejected'].includes(
        request.status,
      ) && (
        <Grid item xs={12}>
          <OperationsPanel request={request} />
        </Grid>
      )}
      <Grid item xs={12}>
        <AuditLog events={request.events} />
      </Grid>
    </Grid>
  );
};

/** `/provisioning/requests/:id`. */
export const RequestPage = () => {
  const { id } = useParams();
  const overviewLink = useRouteRef(rootRouteRef);
  const navigate = useNavigate();
  const { value, loading, error, retry } = useLiveRequest(id);

  let body;
  if (!value && loading) {
    body = <Progress />;
  } else if (
    !value &&
    error instanceof ResponseError &&
    error.response.status === 404
  ) {
    body = (
      <EmptyState
        missing="info"
        title="No such database request"
        description={`There is no request with id ${id}, or it is not visible to you.`}
        action={
          <Button
            variant="outlined"
            onClick={() => navigate(overviewLink?.() ?? '/provisioning')}
          >
            All requests
          </Button>
        }
      />
    );
  } else if (!value) {
    body = (
      <ErrorPanel
        title="Could not load the request"
        error={error ?? new Error('Unknown error')}
      />
    );
  } else {
    body = <RequestDetails request={value} reload={retry} />;
  }

  return (
    <Page themeId="tool">
      <Header
        title={
          value ? `${value.name} (${value.environment})` : 'Database request'
        }
        subtitle={
          value
            ? `${engineDefinition(value.type).title} for ${value.owner}`
            : undefined
        }
        type="Databases"
        typeLink={overviewLink?.()}
      />
      <Content>
        {value && error && (
          <Box mb={2}>
            <Alert severity="warning">
              Live update failed ({error.message}); retrying.
            </Alert>
          </Box>
        )}
        {body}
        {value && (
          <Typography variant="caption" color="textSecondary">
            Request id {value.id} ·{' '}
            <Link to={overviewLink?.() ?? '/provisioning'}>
              all database requests
            </Link>
          </Typography>
        )}
      </Content>
    </Page>
  );
};
