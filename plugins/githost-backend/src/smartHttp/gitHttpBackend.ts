import { LoggerService } from '@backstage/backend-plugin-api';
import { isolatedGitEnvironment } from '@paved/plugin-githost-node';
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import express from 'express';

/** The git services a client asks for over smart HTTP. */
export type GitService = 'git-upload-pack' | 'git-receive-pack';

/** Bytes of CGI headers git http-backend may write before its body starts. */
const MAX_HEADER_BYTES = 64 * 1024;

/** The headers and the status of a CGI response (`Status: 404 Not Found`, default 200). */
function parseCgiHeaders(block: string): {
  status: number;
  headers: Array<[string, string]>;
} {
  let status = 200;
  const headers: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') {
      status = Number.parseInt(value, 10) || 500;
    } else {
      headers.push([name, value]);
    }
  }
  return { status, headers };
}

/** Where the CGI header block ends (`\r\n\r\n` or `\n\n`), and how long the separator is. */
function endOfHeaders(
  buffer: Buffer,
): { at: number; length: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { at: crlf, length: 4 };
  if (lf >= 0) return { at: lf, length: 2 };
  return undefined;
}

/**
 * Runs git's own smart HTTP server, `git http-backend` (a CGI program), for one request: the
 * request's body streams into it (git inflates a gzip `Content-Encoding` itself), its CGI headers
 * become the response's status and headers, and the rest of its output streams to the client.
 * Nothing is buffered but the header block, so clones and pushes of any size pass through.
 */
export function runGitHttpBackend(options: {
  /** The directory of the bare repositories (`GIT_PROJECT_ROOT`). */
  projectRoot: string;
  /** `/<name>.git/info/refs`, `/<name>.git/git-upload-pack`, ... */
  pathInfo: string;
  /** Who is asking, for receive-pack's reflog; set only for people allowed to push. */
  remoteUser?: string;
  req: express.Request;
  res: express.Response;
  logger: LoggerService;
}): Promise<void> {
  const { req, res, logger } = options;
  const header = (name: string) => req.header(name) ?? undefined;
  const queryIndex = req.originalUrl.indexOf('?');
  const child = spawn('git', ['http-backend'], {
    env: isolatedGitEnvironment({
      GIT_PROJECT_ROOT: options.projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: options.pathInfo,
      REQUEST_METHOD: req.method,
      QUERY_STRING:
        queryIndex >= 0 ? req.originalUrl.slice(queryIndex + 1) : '',
      CONTENT_TYPE: header('content-type') ?? '',
      CONTENT_LENGTH: header('content-length'),
      HTTP_CONTENT_ENCODING: header('content-encoding'),
      // Protocol v2 is negotiated through this header.
      HTTP_GIT_PROTOCOL: header('git-protocol'),
      REMOTE_USER: options.remoteUser,
      REMOTE_ADDR: req.socket.remoteAddress ?? '',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  return new Promise(resolve => {
    let headerBytes = Buffer.alloc(0);
    let headersSent = false;
    const stderr: Buffer[] = [];

    const fail = (message: string) => {
      logger.warn(`git http-backend ${options.pathInfo}: ${message}`);
      if (!res.headersSent) {
        res.status(500).type('text/plain').send('git http-backend failed\n');
      } else {
        res.destroy();
      }
    };

    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        if (!res.write(chunk)) {
          child.stdout.pause();
          res.once('drain', () => child.stdout.resume());
        }
        return;
      }
      headerBytes = Buffer.concat([headerBytes, chunk]);
      const end = endOfHeaders(headerBytes);
      if (!end) {
        if (headerBytes.length > MAX_HEADER_BYTES) {
          child.kill('SIGKILL');
          fail('no end of CGI headers');
        }
        return;
      }
      const { status, headers } = parseCgiHeaders(
        headerBytes.subarray(0, end.at).toString('latin1'),
      );
      res.status(status);
      for (const [name, value] of headers) res.setHeader(name, value);
      headersSent = true;
      const rest = headerBytes.subarray(end.at + end.length);
      if (rest.length) res.write(rest);
    });
    child.on('error', error => fail(error.message));
    child.on('close', code => {
      const message = Buffer.concat(stderr).toString('utf8').trim();
      if (code !== 0 || !headersSent) {
        fail(`exit code ${code}${message ? `: ${message}` : ''}`);
      } else {
        if (message) {
          logger.debug(`git http-backend ${options.pathInfo}: ${message}`);
        }
        res.end();
      }
      resolve();
    });
    // A client that goes away stops git.
    res.on('close', () => {
      if (!res.writableFinished) child.kill('SIGTERM');
    });
    child.stdin.on('error', () => {});
    (req as Readable).pipe(child.stdin);
  });
}
