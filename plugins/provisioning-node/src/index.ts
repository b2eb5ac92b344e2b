/**
 * Extension points of Paved's provisioning backend and what a provider module needs: the provider
 * interfaces, and the GitOps repository writer the Crossplane and Terraform providers share.
 *
 * @packageDocumentation
 */
export { provisioningProvidersExtensionPoint } from './extensions';
export type { ProvisioningProvidersExtensionPoint } from './extensions';
export type {
  DatabaseOperationsProvider,
  DatabaseOutputs,
  DatabaseProvider,
  OperationStatus,
  ResizeChange,
  SnapshotRecord,
  DatabaseProviderRegistration,
  ProviderContext,
  ProviderEngines,
  ProviderAdmissionViolation,
  ProviderDrift,
  ProvisioningStatus,
  RequestSecretStore,
} from './providers';
export { operationStatusFromInstance } from './providers';
export {
  GitRepository,
  assertSafeRepositoryPath,
  localRepositoryPath,
} from './gitops/GitRepository';
export type {
  GitRepositoryOptions,
  RepositoryCommitResult,
  RepositoryFileChange,
} from './gitops/GitRepository';
export { readGitRepositoryConfig } from './gitops/repositoryConfig';
export type { GitRepositoryConfig } from './gitops/repositoryConfig';
export { unifiedFileDiff } from './gitops/fileDiff';
