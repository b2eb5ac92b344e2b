import { REQUEST_PAGE_SUBPATH } from '@paved/plugin-provisioning-common';
import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The databases overview at `/provisioning`. */
export const rootRouteRef = createRouteRef();

/** One request with its live timeline and audit log: `/provisioning/requests/:id`. */
export const requestRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: REQUEST_PAGE_SUBPATH,
});

/** The approvals inbox: `/provisioning/approvals`. */
export const approvalsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/approvals',
});
