import type { ToastApiMessage } from '@backstage/frontend-plugin-api';

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
