import { createHmac, randomUUID } from 'crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  SurveySummaryResponse,
  netPromoterScore,
} from '@paved/plugin-devex-common';
import { TimeWindow } from '../database/DoraStore';
import { SurveyStore } from '../database/SurveyStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';

export const PORTAL_SOURCE = 'portal';
/** Scores at or below this notify the platform team. */
export const LOW_SCORE = 4;

/**
 * The in-portal pulse survey. Respondents are stored only as an HMAC of their user ref, so
 * answers can be grouped per person and team without keeping who said what.
 */
export class PulseSurvey {
  constructor(
    private readonly options: {
      surveys: SurveyStore;
      directory: ServiceDirectory;
      notifications: NotificationService;
      logger: LoggerService;
      pseudonymSecret: string;
      platformTeam: string;
      minimumRespondents: number;
    },
  ) {}

  pseudonym(userRef: string): string {
    return createHmac('sha256', this.options.pseudonymSecret)
      .update(userRef.toLocaleLowerCase('en-US'))
      .digest('hex')
      .slice(0, 32);
  }

  async submit(userRef: string, answer: { score: number; comment?: string }) {
    const id = randomUUID();
    let teamRef: string | null = null;
    try {
      teamRef = await this.options.directory.teamOf(userRef);
    } catch (error) {
      // The answer is worth keeping even when the catalog cannot say which team it came from.
      this.options.logger.warn(`devex survey: team lookup failed: ${error}`);
    }
    const comment = answer.comment?.trim() || null;
    await this.options.surveys.addSurveyResponse({
      source: PORTAL_SOURCE,
      id,
      respondent: this.pseudonym(userRef),
      teamRef,
      score: answer.score,
      comment,
      submittedAt: Date.now(),
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
    return { id };
  }

  async summary(window: TimeWindow): Promise<SurveySummaryResponse> {
    const responses = await this.options.surveys.surveyResponses(window);
    // Newest answer per respondent, so one enthusiastic (or angry) person counts once.
    const latest = new Map<string, (typeof responses)[number]>();
    for (const r of responses) {
      const current = latest.get(r.respondent);
      if (!current || current.submittedAt < r.submittedAt)
        latest.set(r.respondent, r);
    }
    const answers = [...latest.values()];
    const scores = answers.map(a => a.score);
    const teams = new Map<string, number[]>();
    for (const a of answers) {
      if (!a.teamRef) continue;
      teams.set(a.teamRef, [...(teams.get(a.teamRef) ?? []), a.score]);
    }
    const minimum = this.options.minimumRespondents;
    return {
      window: {
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
      },
      responses: responses.length,
      respondents: answers.length,
      nps: netPromoterScore(scores),
      promoters: scores.filter(s => s >= 9).length,
      passives: scores.filter(s => s === 7 || s === 8).length,
      detractors: scores.filter(s => s <= 6).length,
      comments: responses
        .filter(r => r.comment)
        .slice(0, 50)
        .map(r => ({
          score: r.score,
          comment: r.comment!,
          submittedAt: new Date(r.submittedAt).toISOString(),
        })),
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
    };
  }
}
