import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The DevEx dashboard at `/devex`. */
export const rootRouteRef = createRouteRef();
