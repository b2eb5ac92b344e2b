import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  DatabaseRequest,
  provisioningRequestApprovePermission,
} from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';

type Decision = 'approve' | 'reject';

/**
 * Approve and reject buttons for a request that awaits approval, shown only to people the
 * permission policy lets approve it (the platform team by default). A rejection needs a reason.
 */
export const ReviewActions = ({
  request,
  operation,
  onReviewed,
}: {
  request: DatabaseRequest;
  /** When set, the operation on the request's database is reviewed instead of the request. */
  operation?: { id: string; title: string };
  onReviewed: () => void;
}) => {
  const api = useApi(provisioningApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: provisioningRequestApprovePermission,
    resourceRef: request.id,
  });
  const [decision, setDecision] = useState<Decision | undefined>();
  const [comment, setComment] = useState('');
  const [submitting, setSubmitting] = useState(false);

  if ((!operation && request.status !== 'awaiting-approval') || !allowed) {
    return null;
  }

  const close = () => {
    setDecision(undefined);
    setComment('');
  };

  const submit = async () => {
    setSubmitting(true);
    try {
      if (operation) {
        await api.reviewOperation(
          request.id,
          operation.id,
          decision!,
          comment.trim() || undefined,
        );
        alertApi.post({
          message: `${decision === 'approve' ? 'Approved' : 'Rejected'} ${
            operation.title
          }`,
          severity: 'success',
          display: 'transient',
        });
      } else if (decision === 'approve') {
        await api.approveRequest(request.id, comment.trim() || undefined);
        alertApi.post({
          message: `Approved ${request.name} (${request.environment})`,
          severity: 'success',
          display: 'transient',
        });
      } else {
        await api.rejectRequest(request.id, comment.trim());
        alertApi.post({
          message: `Rejected ${request.name} (${request.environment})`,
          severity: 'info',
          display: 'transient',
        });
      }
      close();
      onReviewed();
    } catch (error) {
      alertApi.post({
        message: `Could not ${decision} the request: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          size="small"
          variant="contained"
          color="primary"
          onClick={() => setDecision('approve')}
        >
          Approve
        </Button>
        <Button
          size="small"
          variant="outlined"
          onClick={() => setDecision('reject')}
        >
          Reject
        </Button>
      </Box>
      <Dialog
        open={decision !== undefined}
        onClose={close}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle>
          {decision === 'approve' ? 'Approve' : 'Reject'}{' '}
          {operation
            ? operation.title
            : `${request.name} (${request.environment})`}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {request.size} PostgreSQL, {request.storageGB} GB, for{' '}
            {request.owner}, requested by {request.requestedBy}.
            {decision === 'approve'
              ? ' Approving starts provisioning right away.'
              : ' The requester sees your reason on the request page.'}
          </DialogContentText>
          <TextField
            fullWidth
            multiline
            minRows={3}
            variant="outlined"
            label={
              decision === 'approve'
                ? 'Comment (optional)'
                : 'Reason (required)'
            }
            value={comment}
            onChange={e => setComment(e.target.value)}
            inputProps={{ maxLength: 2000, 'aria-label': 'Review comment' }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={submitting || (decision === 'reject' && !comment.trim())}
            onClick={submit}
          >
            {decision === 'approve' ? 'Approve' : 'Reject'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
