import type { TimeWindow } from './DoraStore';

/** One pulse survey answer, under its respondent's pseudonym. */
export interface SurveyResponseRecord {
  /** `portal` for answers given in the portal, `paved-demo` for the demo seed. */
  source: string;
  /** Unique within the source; the portal uses `<period>:<pseudonym>`, one answer per period. */
  id: string;
  /** Pseudonym of the person (an HMAC of their user ref). */
  respondent: string;
  teamRef: string | null;
  score: number;
  comment: string | null;
  submittedAt: number;
  demo: boolean;
}

/** Pulse survey answers, stored under pseudonyms. */
export interface SurveyStore {
  /** Answers submitted in the window, newest first. */
  surveyResponses(window: TimeWindow): Promise<SurveyResponseRecord[]>;
  /** Stores an answer; one with the same (source, id) is replaced (`replaced: true`). */
  recordAnswer(response: SurveyResponseRecord): Promise<{ replaced: boolean }>;
}
