import Typography from '@material-ui/core/Typography';
import type { ApprovalState } from '@paved/plugin-provisioning-common';
import { formatTimestamp } from './format';

/** `1 of 2 approvals: priya.natarajan (time)`: where a change stands with its approvals. */
export const ApprovalSummary = ({ state }: { state: ApprovalState }) => (
  <div data-testid="approval-summary">
    <Typography variant="body2">
      {Math.min(state.approvals.length, state.required)} of {state.required}{' '}
      approval{state.required === 1 ? '' : 's'} (by {state.approvers.join(', ')}
      )
    </Typography>
    {state.approvals.map(approval => (
      <Typography
        key={approval.approver}
        variant="caption"
        color="textSecondary"
        component="div"
      >
        {approval.approver.replace(/^user:(default\/)?/, '')},{' '}
        {formatTimestamp(approval.approvedAt)}
        {approval.comment ? `: “${approval.comment}”` : ''}
      </Typography>
    ))}
  </div>
);
