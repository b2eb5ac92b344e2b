/**
 * The DevEx frontend plugin: DORA metrics and developer-experience measures in the portal.
 *
 * @packageDocumentation
 */
export { devexPlugin as default } from './plugin';
export { devexApiRef } from './api/DevexApi';
export type { DevexApi, DevexQuery, DevexScope } from './api/DevexApi';
export { DevexClient } from './api/DevexClient';
export {
  PulseSurvey,
  PulseSurveyCard,
} from './components/PulseSurvey/PulseSurveyCard';
