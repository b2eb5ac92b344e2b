/**
 * DevEx's reads as actions for agents: DORA metrics, recent deployments, review flow,
 * golden-path impact and time to onboard.
 *
 * @packageDocumentation
 */
export { devexModuleActions as default } from './module';
