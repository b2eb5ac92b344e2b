/**
 * The golden paths as actions for agents: list them, check a service name, create a service.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPathActions as default } from './module';
