import { DevexApi } from '../api/DevexApi';
import {
  availability,
  feedbackSummary,
  provisioningWeeks,
  changeFlow,
  fullMetrics,
  impact,
  onboarding,
  measures,
  series,
  surveySummary,
} from './fixtures';

/** A DevexApi of jest mocks answering with the fixtures; override per test. */
export function mockDevexApi(overrides: Partial<jest.Mocked<DevexApi>> = {}) {
  const api: jest.Mocked<DevexApi> = {
    getDoraMetrics: jest.fn().mockResolvedValue(fullMetrics()),
    getDoraSeries: jest.fn().mockResolvedValue(series()),
    getDeployments: jest.fn().mockResolvedValue({ items: [] }),
    getIncidents: jest.fn().mockResolvedValue({ items: [] }),
    getMeasures: jest.fn().mockResolvedValue(measures()),
    getSurveySummary: jest.fn().mockResolvedValue(surveySummary()),
    getChanges: jest.fn().mockResolvedValue(changeFlow()),
    getImpact: jest.fn().mockResolvedValue(impact()),
    getOnboarding: jest.fn().mockResolvedValue(onboarding()),
    submitSurvey: jest.fn().mockResolvedValue({ id: 'survey-1' }),
    submitFeedback: jest.fn().mockResolvedValue({ id: 1, duplicate: false }),
    getFeedbackSummary: jest.fn().mockResolvedValue(feedbackSummary()),
    getAvailability: jest.fn().mockResolvedValue(availability()),
    getProvisioningWeeks: jest.fn().mockResolvedValue(provisioningWeeks()),
    getLevelBands: jest.fn(),
    chooseLevelBands: jest.fn(),
    ...overrides,
  };
  return api;
}
