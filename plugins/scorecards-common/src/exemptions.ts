import { z } from 'zod/v3';
import { entityRefSchema } from './facts';

/**
 * An owner's request to leave one check out for one entity until a date. It counts only once the
 * platform team approved it, and stops counting when it expires.
 */
export interface Exemption {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  /** Until when it applies, RFC 3339. */
  expiresAt: string;
  requestedBy: string;
  requestedAt: string;
  /** `expired` is derived: an approved exemption past `expiresAt`. */
  status: ExemptionStatus;
  reviewedBy?: string;
  reviewedAt?: string;
  reviewComment?: string;
}

export const EXEMPTION_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'expired',
] as const;
export type ExemptionStatus = (typeof EXEMPTION_STATUSES)[number];

/** The longest an exemption may last, so every exception is looked at again. */
export const MAX_EXEMPTION_DAYS = 365;

export const createExemptionRequestSchema = z
  .object({
    entityRef: entityRefSchema,
    checkId: z.string().min(1).max(63),
    reason: z
      .string()
      .trim()
      .min(10, 'must say why, in at least 10 characters')
      .max(2000),
    expiresAt: z.string().datetime({
      offset: true,
      message: 'must be an RFC 3339 timestamp with offset',
    }),
  })
  .strict();
export type CreateExemptionRequest = z.infer<
  typeof createExemptionRequestSchema
>;

export const reviewExemptionRequestSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(2000).optional(),
  })
  .strict();
export type ReviewExemptionRequest = z.infer<
  typeof reviewExemptionRequestSchema
>;

/** Whether an exemption makes its check count as met at `now`. */
export function isExemptionActive(
  exemption: Pick<Exemption, 'status' | 'expiresAt'>,
  now: Date,
): boolean {
  return (
    exemption.status === 'approved' &&
    Date.parse(exemption.expiresAt) > now.getTime()
  );
}
