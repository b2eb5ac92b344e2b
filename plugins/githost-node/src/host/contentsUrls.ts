import path from 'node:path';
import { InputError } from '@backstage/errors';
import { REPOSITORY_NAME_PATTERN } from './LocalGitHost';

/**
 * Contents URLs of the local git host look like GitHub's, under the backend's base URL:
 *   `<backend.baseUrl>/api/githost/<repo>/blob/<ref>/<path>` (a file or, for trees, a directory)
 *   `<backend.baseUrl>/api/githost/<repo>/tree/<ref>/<path>`
 * so that relative references in catalog-info.yaml (`dir:.`, `./docs`) resolve with plain URL
 * rules. They are read by LocalGitHostUrlReader straight from the bare repositories.
 */
export const GIT_HOST_PATH_PREFIX = '/api/githost/';

/** A parsed contents URL of the local git host. */
export type GitHostLocation = {
  repository: string;
  ref: string;
  /** Path inside the repository, without leading or trailing slash; '' is the root. */
  filePath: string;
};

export function gitHostBaseUrl(backendBaseUrl: string): string {
  return `${backendBaseUrl.replace(/\/+$/, '')}${GIT_HOST_PATH_PREFIX.replace(
    /\/$/,
    '',
  )}`;
}

export function repoContentsUrl(
  backendBaseUrl: string,
  repository: string,
  ref: string,
): string {
  return `${gitHostBaseUrl(backendBaseUrl)}/${repository}/blob/${ref}`;
}

/** True if the URL points into this backend's local git host. */
export function isGitHostUrl(url: URL, backendBaseUrl: string): boolean {
  const base = new URL(backendBaseUrl);
  return (
    url.host === base.host && url.pathname.startsWith(GIT_HOST_PATH_PREFIX)
  );
}

/**
 * Parses and validates a contents URL. Rejects traversal (`..`), absolute paths and unknown
 * repository names, so no URL can read outside a repository.
 */
export function parseGitHostUrl(rawUrl: string): GitHostLocation {
  const url = new URL(rawUrl);
  if (!url.pathname.startsWith(GIT_HOST_PATH_PREFIX)) {
    throw new InputError(`${rawUrl} is not a local git host URL`);
  }
  const rest = url.pathname.slice(GIT_HOST_PATH_PREFIX.length);
  const segments = rest.split('/').map(segment => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new InputError(`${rawUrl} has an invalid escape sequence`);
    }
  });
  const [repository, kind, ref, ...pathSegments] = segments;
  if (!repository || !REPOSITORY_NAME_PATTERN.test(repository)) {
    throw new InputError(`${rawUrl} does not name a valid repository`);
  }
  if (kind !== 'blob' && kind !== 'tree') {
    throw new InputError(
      `${rawUrl} must continue with /blob/<ref>/ or /tree/<ref>/ after the repository`,
    );
  }
  if (!ref || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref) || ref.includes('..')) {
    throw new InputError(`${rawUrl} does not name a valid ref`);
  }
  for (const segment of pathSegments) {
    if (
      segment === '..' ||
      segment === '.' ||
      segment.includes('\\') ||
      segment.includes('\0')
    ) {
      throw new InputError(
        `${rawUrl} contains a forbidden path segment '${segment}'`,
      );
    }
  }
  const filePath = path.posix.normalize(pathSegments.filter(Boolean).join('/'));
  return {
    repository,
    ref,
    filePath: filePath === '.' ? '' : filePath,
  };
}
