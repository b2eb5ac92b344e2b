import { z } from 'zod/v3';
import { entityRefSchema } from './facts';

/** Which entities a campaign is about: owned by these groups, of these kinds, or named. */
export interface CampaignTarget {
  owners?: string[];
  kinds?: string[];
  entityRefs?: string[];
}

/** A push to make one check pass on a set of entities by a deadline. */
export interface Campaign {
  id: string;
  title: string;
  description: string;
  checkId: string;
  target: CampaignTarget;
  /** RFC 3339. */
  deadline: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Where a campaign stands now and how it got there. */
export interface CampaignProgress {
  /** Entities in the target that the check applies to. */
  total: number;
  /** Entities where the check passes or is exempt. */
  done: number;
  /** Entities where the check fails or is unknown. */
  remaining: Array<{
    entityRef: string;
    owner?: string;
    status: string;
    reason: string;
  }>;
  /** One point a day, oldest first. */
  history: Array<{ day: string; done: number; total: number }>;
}

export interface CampaignWithProgress extends Campaign {
  progress: CampaignProgress;
}

const targetSchema = z
  .object({
    owners: z.array(entityRefSchema).max(100).optional(),
    kinds: z.array(z.string().min(1).max(63)).max(10).optional(),
    entityRefs: z.array(entityRefSchema).max(1000).optional(),
  })
  .strict()
  .refine(
    t => Boolean(t.owners?.length || t.kinds?.length || t.entityRefs?.length),
    {
      message: 'must name owners, kinds or entityRefs',
    },
  );

export const createCampaignRequestSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    description: z.string().max(4000).default(''),
    checkId: z.string().min(1).max(63),
    target: targetSchema,
    deadline: z.string().datetime({
      offset: true,
      message: 'must be an RFC 3339 timestamp with offset',
    }),
  })
  .strict();
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;

export const updateCampaignRequestSchema = z
  .object({
    title: z.string().trim().min(3).max(120).optional(),
    description: z.string().max(4000).optional(),
    target: targetSchema.optional(),
    deadline: z
      .string()
      .datetime({
        offset: true,
        message: 'must be an RFC 3339 timestamp with offset',
      })
      .optional(),
  })
  .strict();
export type UpdateCampaignRequest = z.infer<typeof updateCampaignRequestSchema>;
