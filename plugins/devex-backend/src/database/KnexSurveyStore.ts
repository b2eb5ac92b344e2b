import { Knex } from 'knex';
import { SurveyResponseRecord, SurveyStore } from './SurveyStore';
import { TimeWindow } from './DoraStore';
import { bool, num } from './rows';

/** Knex implementation of {@link SurveyStore} for PostgreSQL and SQLite. */
export class KnexSurveyStore implements SurveyStore {
  constructor(private readonly db: Knex) {}

  async surveyResponses(window: TimeWindow): Promise<SurveyResponseRecord[]> {
    const rows = await this.db('devex_survey_responses')
      .where('submitted_at', '>=', window.from)
      .where('submitted_at', '<', window.to)
      .orderBy('submitted_at', 'desc')
      .select('*');
    return rows.map(r => ({
      source: r.source,
      id: r.event_id,
      respondent: r.respondent,
      teamRef: r.team_ref,
      score: num(r.score),
      comment: r.comment,
      submittedAt: num(r.submitted_at),
      demo: bool(r.demo),
    }));
  }

  async recordAnswer(
    response: SurveyResponseRecord,
  ): Promise<{ replaced: boolean }> {
    return this.db.transaction(async tx => {
      const previous = await tx('devex_survey_responses')
        .where({ source: response.source, event_id: response.id })
        .first('event_id');
      await tx('devex_survey_responses')
        .insert({
          source: response.source,
          event_id: response.id,
          respondent: response.respondent,
          team_ref: response.teamRef,
          score: response.score,
          comment: response.comment,
          submitted_at: response.submittedAt,
          demo: response.demo,
        })
        .onConflict(['source', 'event_id'])
        .merge();
      return { replaced: previous !== undefined };
    });
  }
}
