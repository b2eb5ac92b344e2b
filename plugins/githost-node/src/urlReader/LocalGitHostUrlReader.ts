import { Readable } from 'node:stream';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import type {
  ReaderFactory,
  ReadTreeResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { LocalGitHost } from '../host/LocalGitHost';
import { gitText, runGit } from '../git/runGit';
import { isGitHostUrl, parseGitHostUrl } from '../host/contentsUrls';
import { globToRegExp } from './glob';

/**
 * Reads files and trees from the local git host's bare repositories (`git cat-file`,
 * `git archive`), so the catalog (`catalog:register`, `url` locations) and TechDocs can read
 * what `paved:publish` published, exactly as they would read from GitHub.
 */
export class LocalGitHostUrlReader implements UrlReaderService {
  /** A reader factory for `UrlReaders.create`, answering this backend's contents URLs of `host`. */
  static factory(host: LocalGitHost): ReaderFactory {
    return ({ config, treeResponseFactory }) => {
      const backendBaseUrl = config.getString('backend.baseUrl');
      return [
        {
          reader: new LocalGitHostUrlReader(host, treeResponseFactory),
          predicate: url => isGitHostUrl(url, backendBaseUrl),
        },
      ];
    };
  }

  constructor(
    private readonly host: LocalGitHost,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  async read(url: string): Promise<Buffer> {
    const response = await this.readUrl(url);
    return response.buffer();
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const location = parseGitHostUrl(url);
    const commit = await this.host.resolveCommit(
      location.repository,
      location.ref,
    );
    const gitDir = `--git-dir=${this.host.repositoryPath(location.repository)}`;
    let blobSha: string;
    try {
      blobSha = await gitText([
        gitDir,
        'rev-parse',
        '--verify',
        `${commit}:${location.filePath}`,
      ]);
      const type = await gitText([gitDir, 'cat-file', '-t', blobSha]);
      if (type !== 'blob') {
        throw new Error(`${location.filePath} is a ${type}`);
      }
    } catch {
      throw new NotFoundError(`${url} does not exist`);
    }
    // The blob sha identifies the content exactly, which makes it the natural etag.
    if (options?.etag === blobSha) {
      throw new NotModifiedError();
    }
    const { stdout } = await runGit([gitDir, 'cat-file', 'blob', blobSha]);
    const lastModifiedAt = await this.commitDate(gitDir, commit);
    return {
      buffer: async () => stdout,
      stream: () => Readable.from([stdout]),
      etag: blobSha,
      lastModifiedAt,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const location = parseGitHostUrl(url);
    const commit = await this.host.resolveCommit(
      location.repository,
      location.ref,
    );
    if (options?.etag === commit) {
      throw new NotModifiedError();
    }
    const gitDir = `--git-dir=${this.host.repositoryPath(location.repository)}`;
    // `<commit>:` (empty path) names the root tree.
    const treeish = `${commit}:${location.filePath}`;
    try {
      const type = await gitText([gitDir, 'cat-file', '-t', treeish]);
      if (type !== 'tree') {
        throw new Error(`${location.filePath} is a ${type}`);
      }
    } catch {
      throw new NotFoundError(`${url} is not a directory`);
    }
    // Archiving `<commit>:<dir>` puts the directory's contents at the archive root.
    const { stdout } = await runGit([
      gitDir,
      'archive',
      '--format=tar',
      treeish,
    ]);
    return this.treeResponseFactory.fromTarArchive({
      stream: Readable.from([stdout]),
      etag: commit,
      filter: options?.filter,
      stripFirstDirectory: false,
    });
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const location = parseGitHostUrl(url);
    const commit = await this.host.resolveCommit(
      location.repository,
      location.ref,
    );
    if (options?.etag === commit) {
      throw new NotModifiedError();
    }
    const gitDir = `--git-dir=${this.host.repositoryPath(location.repository)}`;
    const pattern = globToRegExp(location.filePath);
    const listing = await gitText([
      gitDir,
      'ls-tree',
      '-r',
      '-z',
      '--name-only',
      commit,
    ]);
    const matches = listing
      .split('\0')
      .filter(file => file && pattern.test(file));
    const base = url.slice(
      0,
      url.indexOf(`/${location.ref}/`) + location.ref.length + 2,
    );
    const lastModifiedAt = await this.commitDate(gitDir, commit);
    return {
      etag: commit,
      files: matches.map(file => ({
        url: `${base}${file.split('/').map(encodeURIComponent).join('/')}`,
        content: async () =>
          (await runGit([gitDir, 'cat-file', 'blob', `${commit}:${file}`]))
            .stdout,
        lastModifiedAt,
      })),
    };
  }

  toString(): string {
    return `paved-local-git-host{directory=${this.host.root}}`;
  }

  private async commitDate(gitDir: string, commit: string): Promise<Date> {
    const seconds = await gitText([
      gitDir,
      'show',
      '-s',
      '--format=%ct',
      commit,
    ]);
    return new Date(Number(seconds) * 1000);
  }
}
