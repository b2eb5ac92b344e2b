import { useEffect } from 'react';
import { SidebarItem } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import { APPROVALS_SIGNAL_CHANNEL } from '@paved/plugin-provisioning-common';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { approvalsRouteRef } from '../../routes';

/** How often the count is re-read when no signal arrives (no signals, or a dropped connection). */
const POLL_INTERVAL_MS = 60_000;

/**
 * The sidebar entry of the approvals inbox with the number of pending changes, shown only to
 * people who approve in some environment (the backend says where). Kept current: the backend
 * signals every change that may add to or take from an inbox to the request's requester, owners
 * and the platform team; other approvers see it on the next poll.
 */
export const ApprovalsSidebarItem = () => {
  const api = useApi(provisioningApiRef);
  const link = useRouteRef(approvalsRouteRef);
  const { value, loading, retry } = useAsyncRetry(
    () => api.listApprovals().catch(() => undefined),
    [api],
  );
  const { lastSignal } = useSignal(APPROVALS_SIGNAL_CHANNEL);
  useEffect(() => {
    if (lastSignal) retry();
  }, [lastSignal, retry]);
  useInterval(() => {
    if (!loading) retry();
  }, POLL_INTERVAL_MS);
  if (!value?.environments.length) return null;
  const pending = value.items.filter(item => item.canApprove).length;
  return (
    <SidebarItem
      icon={AssignmentTurnedInIcon}
      to={link?.() ?? '/provisioning/approvals'}
      text={pending ? `Approvals (${pending})` : 'Approvals'}
    />
  );
};
