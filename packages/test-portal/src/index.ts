/**
 * A Paved portal in a test: Backstage's backend with its real default services and Paved's real
 * plugins, for tests of the front doors (the CLI, the MCP server) against the whole platform.
 *
 * @packageDocumentation
 */
export { startTestPortal, waitForEntity } from './startTestPortal';
export type { TestPortal } from './startTestPortal';
