import { SidebarItem } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import useAsync from 'react-use/esm/useAsync';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { approvalsRouteRef } from '../../routes';

/**
 * The sidebar entry of the approvals inbox with the number of pending changes, shown only to
 * people who approve in some environment (the backend says where).
 */
export const ApprovalsSidebarItem = () => {
  const api = useApi(provisioningApiRef);
  const link = useRouteRef(approvalsRouteRef);
  const { value } = useAsync(
    () => api.listApprovals().catch(() => undefined),
    [api],
  );
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
