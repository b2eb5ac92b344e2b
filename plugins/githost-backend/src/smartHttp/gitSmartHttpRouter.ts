import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { LocalGitHost } from '@paved/plugin-githost-node';
import express from 'express';
import Router from 'express-promise-router';
import { GitService, runGitHttpBackend } from './gitHttpBackend';

/** May these credentials push to the repository, and if not, why (shown by `git push`). */
export type PushAccess = (
  repository: string,
  credentials: BackstageCredentials,
) => Promise<{ allowed: true } | { allowed: false; reason: string }>;

/** The three URLs of Git's smart HTTP protocol under `/<name>.git`. */
const SMART_HTTP_PATH =
  /^\/([a-z0-9][a-z0-9-]{0,99})\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/;

const SERVICES: readonly GitService[] = ['git-upload-pack', 'git-receive-pack'];

/**
 * A refusal git shows its user: for a `text/plain` answer to `info/refs`, git prints the body as
 * `remote: <line>` before its own error, so the rule that refused reaches the terminal.
 */
function refuse(res: express.Response, status: number, message: string) {
  res.status(status).type('text/plain').send(`${message}\n`);
}

/**
 * `git clone`, `fetch` and `push` over HTTP at `/api/githost/<name>.git` (Git smart HTTP, served
 * by git's own `http-backend`). Every request needs a Backstage token, which git sends with
 * `-c http.extraHeader="Authorization: Bearer <token>"`; any signed-in user or plugin may clone
 * and fetch, and a push (`git-receive-pack`) needs {@link PushAccess}, checked both when git
 * asks for the refs and when it sends the pack.
 *
 * This router sits in front of the OpenAPI-validated one and is not in `openapi.yaml`: the bodies
 * are git's binary pkt-line protocol, streamed straight to and from git, which the validator
 * would have to buffer and could not describe. Only the smart protocol is served (no dumb
 * `objects/...` file access).
 */
export function createGitSmartHttpRouter(options: {
  httpAuth: HttpAuthService;
  gitHost: LocalGitHost;
  pushAccess: PushAccess;
  logger: LoggerService;
}): express.Router {
  const { httpAuth, gitHost, pushAccess, logger } = options;
  const router = Router();

  router.all(SMART_HTTP_PATH, async (req, res) => {
    const [, name, endpoint] = SMART_HTTP_PATH.exec(req.path)!;
    const service =
      endpoint === 'info/refs'
        ? (req.query.service as GitService | undefined)
        : (endpoint as GitService);
    const method = endpoint === 'info/refs' ? 'GET' : 'POST';
    if (req.method !== method) {
      res.setHeader('Allow', method);
      refuse(res, 405, `${req.method} is not allowed here, only ${method}`);
      return;
    }
    if (!service || !SERVICES.includes(service)) {
      // Without ?service= git asks for the dumb protocol, which is not served.
      refuse(res, 403, 'only the smart HTTP protocol is served');
      return;
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!(await gitHost.exists(name))) {
      refuse(res, 404, `repository '${name}' does not exist`);
      return;
    }
    let remoteUser: string | undefined;
    if (service === 'git-receive-pack') {
      const access = await pushAccess(name, credentials);
      if (!access.allowed) {
        logger.info(`push to repository '${name}' refused: ${access.reason}`);
        refuse(res, 403, access.reason);
        return;
      }
      // git http-backend enables receive-pack only for an authenticated REMOTE_USER.
      const principal = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      remoteUser = principal.userEntityRef ?? principal.subject ?? 'unknown';
    }
    await runGitHttpBackend({
      projectRoot: gitHost.root,
      pathInfo: `/${name}.git/${endpoint}`,
      remoteUser,
      req,
      res,
      logger,
    });
  });

  return router;
}
