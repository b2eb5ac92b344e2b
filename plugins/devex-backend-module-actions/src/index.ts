/**
 * DevEx's reads as actions for agents: DORA metrics and recent deployments.
 *
 * @packageDocumentation
 */
export { devexModuleActions as default } from './module';
