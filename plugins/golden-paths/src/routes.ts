import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Template drift page. */
export const templateDriftRouteRef = createRouteRef();
