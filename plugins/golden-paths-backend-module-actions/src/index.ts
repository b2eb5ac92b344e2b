/**
 * The golden paths as actions for agents: list them, check a service name, create a service.
 *
 * @packageDocumentation
 */
export { goldenPathsModuleActions as default } from './module';
