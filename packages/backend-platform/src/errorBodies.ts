import fs from 'node:fs';
import type { RequestHandler } from 'express';

let machineRoots: RegExp | undefined;

/**
 * An absolute path on this machine: one that starts with a top-level directory of its file
 * system (`/app`, `/home`, `/tmp`, `/work`, ...), alone or in a `file://` URL, with at least one
 * more segment. URL paths (`/api/catalog/...`) and relative paths (`./catalog/org/users.yaml`)
 * are not file-system paths of the machine, and stay.
 */
function absolutePathPattern(): RegExp {
  if (!machineRoots) {
    const roots = fs
      .readdirSync('/', { withFileTypes: true })
      .filter(entry => entry.isDirectory() || entry.isSymbolicLink())
      .map(entry => entry.name)
      .filter(name => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name))
      .map(name => name.replace(/\./g, '\\.'));
    // Not inside a word, a URL (`https://host/tmp/...`), or a relative path (`./tmp/...`).
    machineRoots = new RegExp(
      `(?<![\\w.~/-])(?:file://)?/(?:${roots.join(
        '|',
      )})(?:/[^\\s'"\`<>()\\[\\]{},;/]+)+/?`,
      'g',
    );
  }
  return new RegExp(machineRoots.source, 'g');
}

/**
 * `text` with each absolute file-system path of this machine replaced by its last segment:
 * `ENOENT: no such file or directory, open '/app/.data/techdocs/x/index.html'` becomes
 * `... open '…/index.html'`. What was missing stays recognisable; where the platform keeps its
 * data does not leave the backend.
 */
export function withoutAbsolutePaths(text: string): string {
  return text.replace(absolutePathPattern(), match => {
    const segments = match.split('/').filter(Boolean);
    return `…/${segments[segments.length - 1]}`;
  });
}

/** Backstage's error body: `{ error: { name, message, ... }, request, response }`. */
function isErrorBody(body: unknown): body is { error: object } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error?: unknown }).error === 'object' &&
    (body as { error?: unknown }).error !== null
  );
}

/** A copy without `stack` fields and with absolute paths neutralised in every string. */
function withoutInternals(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutAbsolutePaths(value);
  if (typeof value !== 'object' || value === null || depth > 10) return value;
  if (Array.isArray(value)) {
    return value.map(item => withoutInternals(item, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'stack')
      .map(([key, item]) => [key, withoutInternals(item, depth + 1)]),
  );
}

/**
 * Express middleware for the root HTTP router, ahead of every plugin: outside development
 * (`NODE_ENV` other than `development`, Backstage's own rule for stack traces), error bodies leave
 * without stack traces and without absolute file-system paths.
 *
 * Backstage's error handler (`MiddlewareFactory.error()`, in the root router and in each plugin's
 * router) leaves `stack` out outside development, but serialises the rest of the error as thrown:
 * a Node.js file-system error names the file in `message` and `path`, a failed command its
 * arguments, git its repository. Such errors reach the body of a 500 from any plugin, Backstage's
 * own included. The full error stays in the backend's log (the error handler logs every 5xx).
 */
export function errorBodiesWithoutInternals(
  options: { development?: boolean } = {},
): RequestHandler {
  const development =
    options.development ?? process.env.NODE_ENV === 'development';
  return (_req, res, next) => {
    if (!development) {
      const json = res.json.bind(res);
      res.json = (body?: unknown) =>
        json(
          res.statusCode >= 400 && isErrorBody(body)
            ? { ...body, error: withoutInternals(body.error) }
            : body,
        );
    }
    next();
  };
}
