import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  FEEDBACK_ALERT_RATING,
  FeedbackInput,
  FeedbackSummaryResponse,
  feedbackCategoryTitles,
} from '@paved/plugin-devex-common';
import { TimeWindow } from '../database/DoraStore';
import {
  FeedbackAllowance,
  FeedbackGroup,
  FeedbackOutcome,
  FeedbackStore,
} from '../database/FeedbackStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';

/** Latest comments shown to the platform team in a summary. */
const LATEST_COMMENTS = 50;

const rounded = (g: FeedbackGroup) => ({
  responses: g.responses,
  averageRating:
    g.responses > 0 ? Math.round(g.averageRating * 100) / 100 : null,
  lowRatings: g.lowRatings,
});

/**
 * Feedback from the control on every portal page: stored once per person and moment, limited
 * per person, and a low rating reaches the platform team at once.
 */
export class FeedbackCollector {
  constructor(
    private readonly options: {
      store: FeedbackStore;
      directory: ServiceDirectory;
      notifications: NotificationService;
      logger: LoggerService;
      platformTeam: string;
      allowance: FeedbackAllowance;
    },
  ) {}

  async submit(
    userRef: string,
    input: FeedbackInput,
    now = Date.now(),
  ): Promise<FeedbackOutcome> {
    const comment = input.comment?.trim() || null;
    const lastAction = input.lastAction?.trim() || null;
    const outcome = await this.options.store.record(
      {
        userRef,
        rating: input.rating,
        category: input.category,
        comment,
        page: input.page,
        lastAction,
        submittedAt: now,
      },
      this.options.allowance,
    );
    if (outcome.outcome === 'stored' && input.rating <= FEEDBACK_ALERT_RATING) {
      // The feedback is stored either way; a notification outage must not lose it.
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: this.options.platformTeam },
          payload: {
            title: `Portal feedback: ${input.rating}/5 on ${input.page}`,
            description: [
              `${feedbackCategoryTitles[input.category]}, from ${userRef}.`,
              comment ?? 'No comment was left.',
              lastAction ? `Last action: ${lastAction}.` : undefined,
            ]
              .filter(Boolean)
              .join(' '),
            link: input.page,
            severity: 'high',
            topic: 'devex-portal-feedback',
          },
        });
      } catch (error) {
        this.options.logger.warn(
          `devex: could not notify the platform team of feedback ${outcome.id}: ${error}`,
        );
      }
    }
    return outcome;
  }

  /** Ratings by page and category; the comments only for members of the platform team. */
  async summary(
    window: TimeWindow,
    reader: { userRef?: string },
  ): Promise<FeedbackSummaryResponse> {
    const groups = await this.options.store.feedbackGroups(window);
    const readsComments = reader.userRef
      ? await this.options.directory.isMemberOf(
          reader.userRef,
          this.options.platformTeam,
        )
      : false;
    const latest = readsComments
      ? await this.options.store.latestFeedback(window, LATEST_COMMENTS)
      : [];
    return {
      window: {
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
      },
      ...rounded(groups.all),
      byPage: groups.byPage.map(g => ({ page: g.page, ...rounded(g) })),
      byCategory: groups.byCategory.map(g => ({
        category: g.category,
        ...rounded(g),
      })),
      latest: readsComments
        ? latest.map(f => ({
            rating: f.rating,
            category: f.category,
            comment: f.comment,
            page: f.page,
            lastAction: f.lastAction,
            userRef: f.userRef,
            submittedAt: new Date(f.submittedAt).toISOString(),
          }))
        : null,
    };
  }
}
