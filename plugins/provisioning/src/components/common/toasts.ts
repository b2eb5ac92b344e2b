import { useState } from 'react';
import {
  toastApiRef,
  useApi,
  type ToastApiMessage,
} from '@backstage/frontend-plugin-api';

/** How long a success toast stays; a failure stays until it is dismissed. */
export const SUCCESS_TOAST_TIMEOUT_MS = 5000;

/** A failure that stays until dismissed: what could not be done, and the backend's reason. */
export function failureToast(title: string, error: unknown): ToastApiMessage {
  return {
    title,
    description: error instanceof Error ? error.message : String(error),
    status: 'danger',
  };
}

/**
 * Runs one action at a time (`busy` while it runs), then says in a toast what was done (a success
 * that fades) or why it could not be (a failure that stays), and calls `onDone` after a success.
 */
export function useToastedAction(onDone: () => void) {
  const toastApi = useApi(toastApiRef);
  const [busy, setBusy] = useState(false);
  const run = async <T>(
    toast: {
      done: (result: T) => Omit<ToastApiMessage, 'status' | 'timeout'>;
      failed: string;
    },
    action: () => Promise<T>,
  ) => {
    setBusy(true);
    try {
      const result = await action();
      toastApi.post({
        ...toast.done(result),
        status: 'success',
        timeout: SUCCESS_TOAST_TIMEOUT_MS,
      });
      onDone();
    } catch (error) {
      toastApi.post(failureToast(toast.failed, error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
