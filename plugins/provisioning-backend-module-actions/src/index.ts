/**
 * Provisioning's operations as actions for agents: request a database, list and show requests.
 *
 * @packageDocumentation
 */
export { provisioningModuleActions as default } from './module';
