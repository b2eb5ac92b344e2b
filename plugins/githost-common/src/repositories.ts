/** Repository names on the local git host: lower-case, no path separators, no `..`. */
export const REPOSITORY_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Branch names the git host accepts in its API: git's own rules (`git check-ref-format`) narrowed
 * to what people type, so a name is never read as an option, a range or a path outside `refs/heads`.
 */
export const BRANCH_NAME_PATTERN =
  /^(?!.*\/\/)(?!.*\.\.)(?!.*@\{)(?!.*\.lock(?:\/|$))(?!.*\/\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,199}(?<![./])$/;

/** True if `name` is a branch name {@link BRANCH_NAME_PATTERN} accepts. */
export function isBranchName(name: string): boolean {
  return BRANCH_NAME_PATTERN.test(name);
}

/** Where the portal shows the local git host (the `githost` frontend plugin's page). */
export const GIT_HOST_PAGE_PATH = '/git';

/** The portal page of a repository, relative to `app.baseUrl`. */
export function repositoryPagePath(repository: string): string {
  return `${GIT_HOST_PAGE_PATH}/${encodeURIComponent(repository)}`;
}

/** The portal page of a merge request, relative to `app.baseUrl`. */
export function mergeRequestPagePath(repository: string, id: number): string {
  return `${repositoryPagePath(repository)}/merge-requests/${id}`;
}

/** `<app.baseUrl>/git/<repository>`: what a "Repository" link opens. */
export function repositoryPageUrl(appBaseUrl: string, repository: string) {
  return `${appBaseUrl.replace(/\/+$/, '')}${repositoryPagePath(repository)}`;
}

/** `<app.baseUrl>/git/<repository>/merge-requests/<id>`. */
export function mergeRequestPageUrl(
  appBaseUrl: string,
  repository: string,
  id: number,
): string {
  return `${appBaseUrl.replace(/\/+$/, '')}${mergeRequestPagePath(
    repository,
    id,
  )}`;
}

/** `<backend.baseUrl>/api/githost/<repository>.git`: what `git clone` takes (Git smart HTTP). */
export function repositoryCloneUrl(
  backendBaseUrl: string,
  repository: string,
): string {
  return `${backendBaseUrl.replace(/\/+$/, '')}/api/githost/${repository}.git`;
}
