import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import {
  toastApiRef,
  useApi,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  DatabaseRequest,
  provisioningRequestApprovePermission,
} from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { requestRouteRef } from '../../routes';
import { failureToast, SUCCESS_TOAST_TIMEOUT_MS } from './toasts';

type Decision = 'approve' | 'reject';

/**
 * Approve and reject buttons for a request that awaits approval, shown only to people the
 * permission policy lets approve it (the platform team by default). A rejection needs a reason.
 * The toast after a review links the request's page, unless it is the page already shown.
 */
export const ReviewActions = ({
  request,
  operation,
  onReviewed,
  linkRequestPage = true,
}: {
  request: DatabaseRequest;
  /** When set, the operation on the request's database is reviewed instead of the request. */
  operation?: { id: string; title: string };
  onReviewed: () => void;
  linkRequestPage?: boolean;
}) => {
  const api = useApi(provisioningApiRef);
  const toastApi = useApi(toastApiRef);
  const requestLink = useRouteRef(requestRouteRef);
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
    const subject = `${request.name} (${request.environment})`;
    const href = linkRequestPage && requestLink?.({ id: request.id });
    const links = href ? [{ label: 'Open request', href }] : undefined;
    setSubmitting(true);
    try {
      if (operation) {
        await api.reviewOperation(
          request.id,
          operation.id,
          decision!,
          comment.trim() || undefined,
        );
        toastApi.post({
          title: `${decision === 'approve' ? 'Approved' : 'Rejected'} ${
            operation.title
          }`,
          description: subject,
          status: 'success',
          links,
          timeout: SUCCESS_TOAST_TIMEOUT_MS,
        });
      } else if (decision === 'approve') {
        const approved = await api.approveRequest(
          request.id,
          comment.trim() || undefined,
        );
        toastApi.post({
          title: 'Request approved',
          description: `${subject}: ${
            approved.status === 'awaiting-approval'
              ? 'it waits for the other approvals.'
              : 'provisioning starts now.'
          }`,
          status: 'success',
          links,
          timeout: SUCCESS_TOAST_TIMEOUT_MS,
        });
      } else {
        await api.rejectRequest(request.id, comment.trim());
        toastApi.post({
          title: 'Request rejected',
          description: `${subject}: the requester sees your reason.`,
          status: 'info',
          links,
          timeout: SUCCESS_TOAST_TIMEOUT_MS,
        });
      }
      close();
      onReviewed();
    } catch (error) {
      toastApi.post({
        ...failureToast(
          `Could not ${decision} ${operation ? operation.title : subject}`,
          error,
        ),
        links,
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
