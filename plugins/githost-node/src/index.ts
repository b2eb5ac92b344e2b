/**
 * Paved's local git host for backend plugins: bare repositories on disk
 * ({@link LocalGitHost}, shared as {@link localGitHostServiceRef}), the one git command-line
 * runner ({@link runGit}), the contents URLs the catalog and TechDocs read, and the URL reader
 * that answers them ({@link gitHostUrlReaderFactory}).
 *
 * @packageDocumentation
 */
export {
  GitCommandError,
  gitText,
  isolatedGitEnvironment,
  redactCredentials,
  runGit,
} from './git/runGit';
export type { GitRunOptions, GitRunResult } from './git/runGit';
export {
  DEFAULT_BRANCH,
  LocalGitHost,
  REPOSITORY_NAME_PATTERN,
  assertRepositoryName,
} from './host/LocalGitHost';
export type { GitIdentity, PublishedRepository } from './host/LocalGitHost';
export {
  GIT_HOST_PATH_PREFIX,
  gitHostBaseUrl,
  isGitHostUrl,
  parseGitHostUrl,
  repoContentsUrl,
} from './host/contentsUrls';
export type { GitHostLocation } from './host/contentsUrls';
export { LocalGitHostUrlReader } from './urlReader/LocalGitHostUrlReader';
export { gitHostUrlReaderFactory } from './urlReader/gitHostUrlReaderFactory';
export { localGitHostServiceRef } from './service/localGitHostServiceRef';
