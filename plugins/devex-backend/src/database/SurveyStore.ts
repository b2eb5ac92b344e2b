import type { TimeWindow } from './DoraStore';

export interface SurveyResponseRecord {
  source: string;
  id: string;
  respondent: string;
  teamRef: string | null;
  score: number;
  comment: string | null;
  submittedAt: number;
  demo: boolean;
}

/** Pulse survey answers, stored under pseudonyms. */
export interface SurveyStore {
  surveyResponses(window: TimeWindow): Promise<SurveyResponseRecord[]>;
  addSurveyResponse(response: SurveyResponseRecord): Promise<void>;
}
