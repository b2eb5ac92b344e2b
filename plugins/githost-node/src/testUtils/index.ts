/**
 * Test helpers for code that uses the local git host: sample workspaces and clones.
 *
 * @packageDocumentation
 */
export { cloneAndLog, writeSampleWorkspace } from './gitFixtures';
