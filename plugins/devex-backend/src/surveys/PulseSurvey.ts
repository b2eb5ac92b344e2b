import { createHmac } from 'crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  SurveyAnswer,
  SurveySubmissionResponse,
  SurveySummaryResponse,
  netPromoterScore,
} from '@paved/plugin-devex-common';
import { violationsError } from '@paved/backend-platform';
import { TimeWindow } from '../database/DoraStore';
import { SurveyResponseRecord, SurveyStore } from '../database/SurveyStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import {
  SurveyPeriod,
  isoWeekOf,
  surveyPeriodOf,
  wholeWeeks,
} from './surveyPeriods';

export const PORTAL_SOURCE = 'portal';
/** Scores at or below this notify the platform team. */
export const LOW_SCORE = 4;
/** At most this many comments in a summary, the newest weeks first. */
const MAX_COMMENTS = 50;

const DAY_MS = 86_400_000;

export interface PulseSurveyOptions {
  surveys: SurveyStore;
  directory: ServiceDirectory;
  notifications: NotificationService;
  logger: LoggerService;
  pseudonymSecret: string;
  platformTeam: string;
  /** Scores of a breakdown are shown only from this many respondents. */
  minimumRespondents: number;
  /** A summary's window must span at least this many days. */
  minimumWindowDays: number;
  period: SurveyPeriod;
}

/**
 * The in-portal pulse survey. Answers come only from signed-in people, one per person per
 * period, and are stored under an HMAC of the user ref, so answers can be grouped per person and
 * team without keeping who said what. Summaries never show a breakdown smaller than the minimum
 * number of respondents, and comments only to the platform team, dated by week.
 */
export class PulseSurvey {
  constructor(private readonly options: PulseSurveyOptions) {}

  pseudonym(userRef: string): string {
    return createHmac('sha256', this.options.pseudonymSecret)
      .update(userRef.toLocaleLowerCase('en-US'))
      .digest('hex')
      .slice(0, 32);
  }

  async submit(
    userRef: string,
    answer: SurveyAnswer,
    now = Date.now(),
  ): Promise<SurveySubmissionResponse> {
    const respondent = this.pseudonym(userRef);
    const period = surveyPeriodOf(now, this.options.period);
    let teamRef: string | null = null;
    try {
      teamRef = await this.options.directory.teamOf(userRef);
    } catch (error) {
      // The answer is worth keeping even when the catalog cannot say which team it came from.
      this.options.logger.warn(`devex survey: team lookup failed: ${error}`);
    }
    const comment = answer.comment?.trim() || null;
    const { replaced } = await this.options.surveys.recordAnswer({
      source: PORTAL_SOURCE,
      // One answer per person and period: a second one has the same identity and replaces it.
      id: `${period}:${respondent}`,
      respondent,
      teamRef,
      score: answer.score,
      comment,
      submittedAt: now,
      demo: false,
    });
    if (answer.score <= LOW_SCORE) {
      // Who answered is deliberately left out: the survey is pseudonymous.
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: this.options.platformTeam },
        payload: {
          title: `Pulse survey: the platform got ${answer.score}/10`,
          description: comment ?? 'No comment was left.',
          link: '/devex',
          severity: 'high',
          topic: 'devex-pulse-survey',
        },
      });
    }
    return { period, replaced };
  }

  /** Whether the reader may see comments: members of the platform team (or its sub-teams). */
  async readsComments(userRef: string | undefined): Promise<boolean> {
    if (!userRef) return false;
    return this.options.directory.isMemberOf(
      userRef,
      this.options.platformTeam,
    );
  }

  async summary(
    requested: TimeWindow,
    reader: { userRef?: string },
  ): Promise<SurveySummaryResponse> {
    const { minimumRespondents: minimum, minimumWindowDays } = this.options;
    if (requested.to - requested.from < minimumWindowDays * DAY_MS) {
      throw violationsError([
        {
          field: 'from',
          problem: `the survey window must span at least ${minimumWindowDays} days, so no answer can be singled out`,
          rule: 'survey-minimum-window',
        },
      ]);
    }
    const window = wholeWeeks(requested);
    const responses = await this.options.surveys.surveyResponses(window);
    const answers = latestPerRespondent(responses);
    const scores = answers.map(a => a.score);
    const suppressed = answers.length < minimum;

    const teams = new Map<string, number[]>();
    for (const a of answers) {
      if (!a.teamRef) continue;
      teams.set(a.teamRef, [...(teams.get(a.teamRef) ?? []), a.score]);
    }

    let comments: SurveySummaryResponse['comments'] = null;
    if (await this.readsComments(reader.userRef)) {
      comments = suppressed
        ? []
        : answers
            .filter(a => a.comment)
            .map(a => ({
              score: a.score,
              comment: a.comment!,
              week: isoWeekOf(a.submittedAt),
            }))
            // By week, then by score: no order within a week that hints at who wrote when.
            .sort(
              (x, y) =>
                y.week.localeCompare(x.week) ||
                x.score - y.score ||
                x.comment.localeCompare(y.comment),
            )
            .slice(0, MAX_COMMENTS);
    }

    return {
      window: {
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
      },
      respondents: answers.length,
      suppressed,
      nps: suppressed ? null : netPromoterScore(scores),
      promoters: suppressed ? null : scores.filter(s => s >= 9).length,
      passives: suppressed
        ? null
        : scores.filter(s => s === 7 || s === 8).length,
      detractors: suppressed ? null : scores.filter(s => s <= 6).length,
      comments,
      teams: [...teams.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([group, teamScores]) => ({
          group,
          respondents: teamScores.length,
          suppressed: teamScores.length < minimum,
          nps:
            teamScores.length < minimum ? null : netPromoterScore(teamScores),
        })),
      minimumRespondents: minimum,
      minimumWindowDays,
    };
  }
}

/** Each person's newest answer in the window, so one enthusiastic (or angry) person counts once. */
function latestPerRespondent(
  responses: SurveyResponseRecord[],
): SurveyResponseRecord[] {
  const latest = new Map<string, SurveyResponseRecord>();
  for (const r of responses) {
    const current = latest.get(r.respondent);
    if (!current || current.submittedAt < r.submittedAt) {
      latest.set(r.respondent, r);
    }
  }
  return [...latest.values()];
}
