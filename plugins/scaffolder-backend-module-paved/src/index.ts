/**
 * Paved's golden paths on the backend: scaffolder actions and the local git host.
 *
 * @packageDocumentation
 */
export { scaffolderModulePaved as default } from './module';
export { pavedGitHostUrlReaderFactory } from './urlReader/urlReaderFactory';
export { LocalGitHostUrlReader } from './urlReader/LocalGitHostUrlReader';
export { LocalGitHost } from './gitHost/LocalGitHost';
export { createPublishAction } from './actions/publish';
export { createValidateServiceAction } from './actions/validateService';
export { createCommitAction } from './actions/commit';
export { createEnableTechDocsAction } from './actions/enableTechDocs';
