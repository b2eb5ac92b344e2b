/**
 * Types, schemas, metric definitions and level bands shared by the DevEx frontend and backend.
 *
 * @packageDocumentation
 */
export * from './events';
export * from './metrics';
export * from './stats';
export * from './api';
export * from './changes';
export * from './feedback';
export * from './levelBands';
export * from './onboarding';
