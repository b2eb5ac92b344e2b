/**
 * Paved's self-service databases in the portal.
 *
 * @packageDocumentation
 */
export { provisioningPlugin as default } from './plugin';
export { provisioningApiRef } from './api/ProvisioningApi';
export type {
  ProvisioningApi,
  ListDatabaseRequestsQuery,
} from './api/ProvisioningApi';
export { ProvisioningClient } from './api/ProvisioningClient';
export { ApprovalsSidebarItem } from './components/ApprovalsPage/ApprovalsSidebarItem';
