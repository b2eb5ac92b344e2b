import type { FeedbackCategory } from '@paved/plugin-devex-common';
import { TimeWindow } from './DoraStore';

/** One piece of feedback given in the portal. */
export interface PortalFeedback {
  userRef: string;
  rating: number;
  category: FeedbackCategory;
  comment: string | null;
  page: string;
  lastAction: string | null;
  /** Epoch ms. */
  submittedAt: number;
}

/** How much feedback one person may send: `maxPerWindow` per `windowMs`. */
export interface FeedbackAllowance {
  windowMs: number;
  maxPerWindow: number;
}

export type FeedbackOutcome =
  /** Stored as new feedback. */
  | { outcome: 'stored'; id: number }
  /** The same person sent the same feedback moments ago; nothing new was stored. */
  | { outcome: 'duplicate'; id: number }
  /** The person used up their allowance; nothing was stored. */
  | { outcome: 'limited'; retryAfterMs: number };

/** Ratings of one group (a page or a category). */
export interface FeedbackGroup {
  responses: number;
  averageRating: number;
  /** Ratings at or below the alert threshold. */
  lowRatings: number;
}

export interface StoredFeedback extends PortalFeedback {
  id: number;
}

/** Feedback from the control on every portal page. */
export interface FeedbackStore {
  /** Stores feedback unless it repeats a recent one or the sender is over their allowance. */
  record(
    feedback: PortalFeedback,
    allowance: FeedbackAllowance,
  ): Promise<FeedbackOutcome>;
  /** Ratings in the window by page and by category. */
  feedbackGroups(window: TimeWindow): Promise<{
    all: FeedbackGroup;
    byPage: Array<FeedbackGroup & { page: string }>;
    byCategory: Array<FeedbackGroup & { category: FeedbackCategory }>;
  }>;
  /** The latest feedback in the window, newest first. */
  latestFeedback(window: TimeWindow, limit: number): Promise<StoredFeedback[]>;
}
