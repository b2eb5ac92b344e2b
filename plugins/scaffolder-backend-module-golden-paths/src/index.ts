/**
 * Paved's golden paths in the scaffolder: the `paved:*` actions the templates in `templates/` use.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export { createPublishAction } from './actions/publish';
export { createValidateServiceAction } from './actions/validateService';
export { createCommitAction } from './actions/commit';
export { createEnableTechDocsAction } from './actions/enableTechDocs';
export { createWaitForEntityAction } from './actions/waitForEntity';
