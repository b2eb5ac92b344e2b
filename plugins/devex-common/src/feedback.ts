import { z } from 'zod/v3';

/**
 * What a piece of in-portal feedback is about. A fixed list, so results can be grouped and the
 * control offers the same choices everywhere.
 * @public
 */
export const feedbackCategories = [
  'bug',
  'confusing',
  'missing-feature',
  'slow',
  'praise',
  'other',
] as const;

/** @public */
export type FeedbackCategory = (typeof feedbackCategories)[number];

/** Labels for {@link feedbackCategories}, for the control and the results. @public */
export const feedbackCategoryTitles: Record<FeedbackCategory, string> = {
  bug: 'Something is broken',
  confusing: 'Confusing',
  'missing-feature': 'Missing feature',
  slow: 'Slow',
  praise: 'Praise',
  other: 'Other',
};

/** A rating at or below this alerts the platform team at once. @public */
export const FEEDBACK_ALERT_RATING = 2;

/** Longest comment stored. @public */
export const FEEDBACK_COMMENT_MAX = 2000;

/** Longest page path stored. @public */
export const FEEDBACK_PAGE_MAX = 300;

/** Longest description of the last action. @public */
export const FEEDBACK_ACTION_MAX = 200;

/**
 * A portal page as a path: starts with one `/`, no scheme or host, no query or fragment (those can
 * carry tokens), no `..` segment, printable ASCII only (clients percent-encode the rest).
 */
const PAGE_PATH = /^\/(?!\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/;

const page = z
  .string({ required_error: 'is required' })
  .max(FEEDBACK_PAGE_MAX, `must be at most ${FEEDBACK_PAGE_MAX} characters`)
  .regex(
    PAGE_PATH,
    'must be a portal path such as /catalog (no host, query or fragment)',
  )
  .refine(p => !p.split('/').includes('..'), 'must not contain ".." segments');

/** `POST /feedback` body, as the backend checks it. @public */
export const feedbackSubmissionSchema = z
  .object({
    rating: z
      .number({
        required_error: 'is required',
        invalid_type_error: 'must be a number',
      })
      .int('must be an integer')
      .min(1, 'must be between 1 and 5')
      .max(5, 'must be between 1 and 5'),
    category: z.enum(feedbackCategories, {
      errorMap: () => ({
        message: `must be one of ${feedbackCategories.join(', ')}`,
      }),
    }),
    comment: z
      .string({ invalid_type_error: 'must be a string' })
      .max(
        FEEDBACK_COMMENT_MAX,
        `must be at most ${FEEDBACK_COMMENT_MAX} characters`,
      )
      .optional(),
    page,
    lastAction: z
      .string({ invalid_type_error: 'must be a string' })
      .max(
        FEEDBACK_ACTION_MAX,
        `must be at most ${FEEDBACK_ACTION_MAX} characters`,
      )
      .optional(),
  })
  .strict();

/** @public */
export type FeedbackInput = z.infer<typeof feedbackSubmissionSchema>;
