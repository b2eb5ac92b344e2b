import { useEffect } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  type DatabaseRequestStatus,
  requestSignalChannel,
} from '@paved/plugin-provisioning-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { provisioningApiRef } from '../../api/ProvisioningApi';

/** How often to re-read a request when no signal arrives, by status; undefined = it will not change. */
const POLL_INTERVAL_MS: Partial<Record<DatabaseRequestStatus, number>> = {
  provisioning: 5_000,
  deprovisioning: 5_000,
  'awaiting-approval': 30_000,
  ready: 60_000,
  failed: 60_000,
};

/**
 * A request with its events, kept current: the backend signals its `requestSignalChannel` on
 * every change, and polling covers installations without signals (or a dropped connection).
 */
export function useLiveRequest(id: string | undefined) {
  const api = useApi(provisioningApiRef);
  const state = useAsyncRetry(
    async () => (id ? api.getRequest(id) : undefined),
    [api, id],
  );
  const { lastSignal } = useSignal(requestSignalChannel(id ?? 'none'));
  const { retry } = state;

  useEffect(() => {
    if (lastSignal) retry();
  }, [lastSignal, retry]);

  const status = state.value?.status;
  useInterval(
    () => {
      if (!state.loading) retry();
    },
    status ? POLL_INTERVAL_MS[status] ?? null : null,
  );

  return state;
}
