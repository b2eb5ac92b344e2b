/**
 * Paved's golden paths on the backend: scaffolder actions and the local git host.
 *
 * @packageDocumentation
 */
export { scaffolderModulePaved as default } from './module';
export { createPublishAction } from './actions/publish';
export { createValidateServiceAction } from './actions/validateService';
export { createCommitAction } from './actions/commit';
export { createEnableTechDocsAction } from './actions/enableTechDocs';
