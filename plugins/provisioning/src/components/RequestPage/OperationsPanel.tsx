import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import MuiTable from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CreateDatabaseOperation,
  DATABASE_SIZES,
  DatabaseOperation,
  DatabaseRequestWithEvents,
  DatabaseSize,
  provisioningRequestApprovePermission,
  provisioningRequestOperatePermission,
} from '@paved/plugin-provisioning-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { formatRelative, formatTimestamp } from '../common/format';
import { useToastedAction } from '../common/toasts';

const TYPE_LABELS: Record<DatabaseOperation['type'], string> = {
  resize: 'Resize',
  'rotate-credentials': 'Rotate credentials',
  extend: 'Extend',
  snapshot: 'Snapshot',
  restore: 'Restore',
};

/** What the toast says after asking for an operation: done, or why it could not be. */
const REQUESTED_TOASTS: Record<
  CreateDatabaseOperation['type'],
  { done: string; failed: string }
> = {
  resize: { done: 'Resize requested', failed: 'Could not request the resize' },
  'rotate-credentials': {
    done: 'Credential rotation requested',
    failed: 'Could not request a credential rotation',
  },
  extend: {
    done: 'Extension requested',
    failed: 'Could not request the extension',
  },
  snapshot: {
    done: 'Snapshot requested',
    failed: 'Could not request a snapshot',
  },
  restore: {
    done: 'Restore requested',
    failed: 'Could not request the restore',
  },
};

function describeStatus(operation: DatabaseOperation): string {
  if (operation.status === 'in-progress' && operation.phase === 'grace') {
    const ends = operation.result?.graceEndsAt;
    return `grace period${
      typeof ends === 'string'
        ? `, old login revoked ${formatRelative(ends)}`
        : ''
    }`;
  }
  return operation.status;
}

function describeParameters(operation: DatabaseOperation): string {
  const p = operation.parameters;
  switch (p.type) {
    case 'resize':
      return [p.size, p.storageGB ? `${p.storageGB} GB` : undefined]
        .filter(Boolean)
        .join(', ');
    case 'extend':
      return p.hours ? `${p.hours} hours` : '';
    case 'snapshot':
      return p.label ?? '';
    case 'restore':
      return `snapshot ${p.snapshotId.slice(0, 8)}`;
    default:
      return '';
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/**
 * Operations on a ready database: buttons for owners (resize, rotate credentials, snapshot,
 * restore), the operations with their state (approve or reject for approvers, the GitOps diff of
 * a resize), and the snapshots with size and age. Reloads whenever the live request changes.
 */
export const OperationsPanel = ({
  request,
}: {
  request: DatabaseRequestWithEvents;
}) => {
  const api = useApi(provisioningApiRef);
  const { allowed: mayOperate } = usePermission({
    permission: provisioningRequestOperatePermission,
    resourceRef: request.id,
  });
  const { allowed: mayApprove } = usePermission({
    permission: provisioningRequestApprovePermission,
    resourceRef: request.id,
  });
  // The request's trail grows with every operation step, so its length is the refresh key.
  const state = useAsyncRetry(
    async () => ({
      operations: await api.listOperations(request.id),
      snapshots: await api.listSnapshots(request.id),
    }),
    [api, request.id, request.events.length, request.updatedAt],
  );
  const [resizing, setResizing] = useState(false);
  const [size, setSize] = useState<DatabaseSize>(request.size);
  const [storageGB, setStorageGB] = useState(String(request.storageGB));
  const [restoring, setRestoring] = useState<string | undefined>();
  const [rejecting, setRejecting] = useState<DatabaseOperation | undefined>();
  const [rejectReason, setRejectReason] = useState('');

  const { busy, run } = useToastedAction(state.retry);
  /** The toast after an operation was asked for or reviewed: it may wait for approval. */
  const operationToast = (title: string) => (operation: DatabaseOperation) => ({
    title,
    description:
      operation.status === 'awaiting-approval'
        ? 'It waits for approval.'
        : undefined,
  });
  const ask = (operation: CreateDatabaseOperation) => {
    const { done, failed } = REQUESTED_TOASTS[operation.type];
    return run({ done: operationToast(done), failed }, () =>
      api.createOperation(request.id, operation),
    );
  };

  const ready = request.status === 'ready';
  const operations = state.value?.operations ?? [];
  const snapshots = state.value?.snapshots ?? [];

  return (
    <InfoCard title="Operations">
      {mayOperate && ready && (
        <Box display="flex" style={{ gap: 8 }} flexWrap="wrap" mb={2}>
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() => setResizing(true)}
          >
            Resize
          </Button>
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              ask({
                type: 'rotate-credentials',
              })
            }
          >
            Rotate credentials
          </Button>
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() => ask({ type: 'snapshot' })}
          >
            Snapshot now
          </Button>
        </Box>
      )}
      {!ready && (
        <Box mb={2}>
          <Alert severity="info">
            Operations are possible once the database is ready.
          </Alert>
        </Box>
      )}
      {state.loading && !state.value && <Progress />}
      {state.error && (
        <Alert severity="error">
          Could not load operations: {state.error.message}
        </Alert>
      )}
      <Typography variant="subtitle2">History</Typography>
      {operations.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No operations yet.
        </Typography>
      ) : (
        <MuiTable size="small" aria-label="operations">
          <TableHead>
            <TableRow>
              <TableCell>Operation</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Asked by</TableCell>
              <TableCell>When</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {operations.map(operation => (
              <TableRow
                key={operation.id}
                data-testid={`operation-${operation.type}`}
              >
                <TableCell>
                  {TYPE_LABELS[operation.type]} {describeParameters(operation)}
                  {operation.plannedChange && (
                    <Box
                      component="pre"
                      fontSize={12}
                      overflow="auto"
                      maxWidth={520}
                    >
                      {operation.plannedChange}
                    </Box>
                  )}
                  {operation.failureReason && (
                    <Typography variant="caption" color="error" display="block">
                      {operation.failureReason}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{describeStatus(operation)}</TableCell>
                <TableCell>
                  {operation.requestedBy.replace(/^user:default\//, '')}
                </TableCell>
                <TableCell title={formatTimestamp(operation.createdAt)}>
                  {formatRelative(operation.createdAt)}
                </TableCell>
                <TableCell>
                  {mayApprove && operation.status === 'awaiting-approval' && (
                    <Box display="flex" style={{ gap: 4 }}>
                      <Button
                        size="small"
                        color="primary"
                        variant="contained"
                        disabled={busy}
                        onClick={() =>
                          run(
                            {
                              done: operationToast('Operation approved'),
                              failed: 'Could not approve the operation',
                            },
                            () =>
                              api.reviewOperation(
                                request.id,
                                operation.id,
                                'approve',
                              ),
                          )
                        }
                      >
                        Approve
                      </Button>
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => {
                          setRejectReason('');
                          setRejecting(operation);
                        }}
                      >
                        Reject
                      </Button>
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </MuiTable>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">Snapshots</Typography>
        {snapshots.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No snapshots.
          </Typography>
        ) : (
          <MuiTable size="small" aria-label="snapshots">
            <TableHead>
              <TableRow>
                <TableCell>Snapshot</TableCell>
                <TableCell>Size</TableCell>
                <TableCell>Taken</TableCell>
                <TableCell>Removed</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {snapshots.map(snapshot => (
                <TableRow key={snapshot.id} data-testid="snapshot">
                  <TableCell>
                    {snapshot.label ?? snapshot.id.slice(0, 8)}
                    {snapshot.kind === 'safety' ? ' (safety)' : ''}
                  </TableCell>
                  <TableCell>{formatBytes(snapshot.sizeBytes)}</TableCell>
                  <TableCell title={formatTimestamp(snapshot.createdAt)}>
                    {formatRelative(snapshot.createdAt)}
                  </TableCell>
                  <TableCell title={formatTimestamp(snapshot.expiresAt)}>
                    {formatRelative(snapshot.expiresAt)}
                  </TableCell>
                  <TableCell>
                    {mayOperate && ready && (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => setRestoring(snapshot.id)}
                      >
                        Restore
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </MuiTable>
        )}
      </Box>

      <Dialog open={resizing} onClose={() => setResizing(false)}>
        <DialogTitle>Resize {request.name}</DialogTitle>
        <DialogContent>
          <Box display="flex" style={{ gap: 16 }}>
            <TextField
              select
              label="Size"
              value={size}
              onChange={e => setSize(e.target.value as DatabaseSize)}
            >
              {DATABASE_SIZES.map(s => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Storage (GB)"
              type="number"
              value={storageGB}
              onChange={e => setStorageGB(e.target.value)}
            />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResizing(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={() => {
              setResizing(false);
              ask({
                type: 'resize',
                ...(size !== request.size ? { size } : {}),
                ...(Number(storageGB) !== request.storageGB
                  ? { storageGB: Number(storageGB) }
                  : {}),
              });
            }}
          >
            Request resize
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={!!restoring} onClose={() => setRestoring(undefined)}>
        <DialogTitle>Restore {request.name}?</DialogTitle>
        <DialogContent>
          The database's content is replaced by the snapshot's; a safety
          snapshot of the current content is taken first.
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRestoring(undefined)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              const snapshotId = restoring!;
              setRestoring(undefined);
              ask({ type: 'restore', snapshotId });
            }}
          >
            Restore
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={!!rejecting} onClose={() => setRejecting(undefined)}>
        <DialogTitle>
          Reject the {rejecting && TYPE_LABELS[rejecting.type]}
        </DialogTitle>
        <DialogContent>
          <TextField
            label="Why is it rejected?"
            required
            fullWidth
            multiline
            value={rejectReason}
            onChange={e => setRejectReason(e.target.value)}
            helperText="The requester sees this reason on the request page."
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(undefined)}>Cancel</Button>
          <Button
            color="primary"
            disabled={busy || !rejectReason.trim()}
            onClick={() => {
              const operation = rejecting!;
              setRejecting(undefined);
              run(
                {
                  done: operationToast('Operation rejected'),
                  failed: 'Could not reject the operation',
                },
                () =>
                  api.reviewOperation(
                    request.id,
                    operation.id,
                    'reject',
                    rejectReason.trim(),
                  ),
              );
            }}
          >
            Reject
          </Button>
        </DialogActions>
      </Dialog>
    </InfoCard>
  );
};
