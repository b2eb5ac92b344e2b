/**
 * Types, status rules, request schemas and permissions shared by Paved's provisioning plugins.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './engines';
export * from './status';
export * from './schema';
export * from './permissions';
export * from './catalog';
export * from './events';
export * from './approvals';
export * from './cost';
export * from './operations';
export * from './drift';
export * from './portalPaths';
export * from './signals';
