import { DevexApi } from '../api/DevexApi';
import {
  changeFlow,
  fullMetrics,
  impact,
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
    submitSurvey: jest.fn().mockResolvedValue({ id: 'survey-1' }),
    ...overrides,
  };
  return api;
}
