import { createApiRef } from '@backstage/frontend-plugin-api';
import type { GoldenPathsApi } from '@paved/plugin-golden-paths-common';

/** The golden-paths backend (`/api/golden-paths`). */
export const goldenPathsApiRef = createApiRef<GoldenPathsApi>({
  id: 'plugin.golden-paths.api',
});
