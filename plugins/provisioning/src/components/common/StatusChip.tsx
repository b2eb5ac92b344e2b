import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { DatabaseRequestStatus } from '@paved/plugin-provisioning-common';

const useStyles = makeStyles(theme => ({
  chip: { fontWeight: 600, margin: 0 },
  ready: {
    backgroundColor: theme.palette.success?.main ?? '#2e7d32',
    color: '#fff',
  },
  provisioning: {
    backgroundColor: theme.palette.info?.main ?? '#0277bd',
    color: '#fff',
  },
  deprovisioning: {
    backgroundColor: theme.palette.info?.main ?? '#0277bd',
    color: '#fff',
  },
  'awaiting-approval': {
    backgroundColor: theme.palette.warning?.main ?? '#ed6c02',
    color: '#fff',
  },
  failed: { backgroundColor: theme.palette.error.main, color: '#fff' },
  rejected: { backgroundColor: theme.palette.grey[600], color: '#fff' },
  deleted: { backgroundColor: theme.palette.grey[400] },
  expired: { backgroundColor: theme.palette.grey[400] },
}));

const LABELS: Record<DatabaseRequestStatus, string> = {
  'awaiting-approval': 'Awaiting approval',
  provisioning: 'Provisioning',
  ready: 'Ready',
  failed: 'Failed',
  rejected: 'Rejected',
  deprovisioning: 'Deprovisioning',
  deleted: 'Deleted',
  expired: 'Expired',
};

export function statusLabel(status: DatabaseRequestStatus): string {
  return LABELS[status] ?? status;
}

/** A request's status, coloured by what it means for the team: usable, waiting, or broken. */
export const StatusChip = ({ status }: { status: DatabaseRequestStatus }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={statusLabel(status)}
      className={`${classes.chip} ${classes[status] ?? ''}`}
      data-testid={`status-${status}`}
    />
  );
};
