import type { z as zod } from 'zod/v3';

/*
 * Actions that create something (a request, an operation) take an idempotency key, so an agent
 * that repeats a call after a lost answer gets what the first call created instead of a second
 * one. Provisioning's API does the matching; the action only passes the key on.
 */

/** The `idempotencyKey` input of an action that creates a `created`. */
export const idempotencyKeyInput = (
  z: typeof zod,
  created: 'request' | 'operation',
) =>
  z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe(
      `Repeat the call with the same key to get the same ${created} instead of a second one`,
    );

/** The key as provisioning's `Idempotency-Key` header; no header without a key. */
export function idempotencyHeaders(
  key: string | undefined,
): Record<string, string> {
  return key ? { 'Idempotency-Key': key } : {};
}
