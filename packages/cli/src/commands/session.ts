import { spawn } from 'node:child_process';
import { Command } from 'commander';
import {
  CliError,
  EXIT_BAD_INPUT,
  EXIT_FAILED,
  EXIT_NOT_SIGNED_IN,
  SilentExit,
} from '../errors';
import { CommandContext } from '../program';
import { signInAsGuest } from '../session/guestSignIn';
import { PendingSignIn, signInWithBrowser } from '../session/oauthSignIn';
import { normalizePortalUrl } from '../session/portalUrl';
import { StoredSession } from '../session/CredentialStore';

/** Opens a page in the user's browser; failures only mean the user opens it by hand. */
function openInBrowser(url: string): void {
  const openers: Record<string, [string, string[]]> = {
    darwin: ['open', [url]],
    win32: ['cmd', ['/c', 'start', '""', url]],
  };
  const [command, args] = openers[process.platform] ?? ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser here (SSH, container): the printed link is enough.
  }
}

interface UserInfo {
  claims?: { sub?: string; ent?: string[] };
}

function describeSession(session: StoredSession) {
  return {
    url: session.url,
    method: session.method,
    user: session.userEntityRef ?? null,
    expiresAt: new Date(session.expiresAt).toISOString(),
    renewable: session.method === 'guest' || Boolean(session.refreshToken),
  };
}

export function registerSessionCommands(
  program: Command,
  context: CommandContext,
): void {
  const { terminal, environment, store } = context;

  program
    .command('login')
    .description(
      'Sign in to a Paved portal: approve the CLI on the portal page it opens (development: --guest)',
    )
    .option(
      '--url <portal>',
      "the portal's backend URL (development: http://localhost:7007)",
    )
    .option(
      '--guest',
      "development only: sign in as the portal's guest (Sam Rivera)",
    )
    .option('--no-browser', 'print the sign-in page instead of opening it')
    .addHelpText(
      'after',
      `
The CLI asks the portal for a sign-in, you approve "Backstage CLI" on the portal page it opens
(signed in as yourself), and the portal hands the CLI your token and a refresh token. They are
kept in $XDG_CONFIG_HOME/paved/credentials.json (~/.config/paved/…, mode 0600) and renewed
when they expire. PLATFORM_URL and PLATFORM_TOKEN override them (CI).

Examples:
  $ platform login --url https://paved.example.com
  $ platform login --url http://localhost:7007 --guest
  $ platform login --url https://paved.example.com --no-browser   # over SSH: open the link yourself`,
    )
    .action(async (options, command: Command) => {
      const rawUrl =
        options.url ??
        environment.env.PLATFORM_URL ??
        (await store.current())?.url;
      if (!rawUrl) {
        throw new CliError(
          'login: --url is required the first time (example: platform login --url https://paved.example.com)',
          EXIT_BAD_INPUT,
        );
      }
      const url = normalizePortalUrl(rawUrl);
      let session: StoredSession;
      if (options.guest) {
        session = await signInAsGuest({ url });
      } else {
        const present =
          environment.presentSignIn ??
          ((pending: PendingSignIn) => {
            terminal.note(
              `Approve the sign-in on the portal (you stay signed in as yourself there):\n  ${pending.authorizeUrl}\nWaiting for the approval…`,
            );
            if (options.browser) openInBrowser(pending.authorizeUrl);
          });
        session = await signInWithBrowser({ url, present });
      }
      await store.save(session);
      if (context.json(command)) {
        terminal.json(describeSession(session));
        return;
      }
      terminal.ok(
        `Signed in to ${url} as ${
          session.userEntityRef ?? 'an unknown user'
        } (${
          session.method === 'guest' ? 'development guest' : 'browser approval'
        }); credentials in ${store.location}`,
      );
    });

  program
    .command('logout')
    .description("Forget this portal's session (and revoke its refresh token)")
    .option(
      '--url <portal>',
      'the portal to sign out of (default: the current one)',
    )
    .action(async (options, command: Command) => {
      const current = await store.current();
      const url = options.url ? normalizePortalUrl(options.url) : current?.url;
      const stored = url ? await store.get(url) : undefined;
      if (stored?.refreshToken) {
        // Best effort: an unreachable portal must not keep the user from forgetting the token.
        await fetch(`${stored.url}/api/auth/v1/revoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            token: stored.refreshToken,
            client_id: `${stored.url}/api/auth/.well-known/oauth-client/cli.json`,
          }),
        }).catch(() => undefined);
      }
      const removed = url ? await store.remove(url) : false;
      if (context.json(command)) {
        terminal.json({ url: url ?? null, signedOut: removed });
      } else {
        terminal.ok(
          removed ? `Signed out of ${url}` : 'Not signed in; nothing to forget',
        );
      }
    });

  program
    .command('token')
    .description(
      'Print a valid access token for the current portal (renewed first when needed)',
    )
    .addHelpText(
      'after',
      `
For tools that need a bearer token, e.g. an MCP client or curl:
  $ curl -H "Authorization: Bearer $(platform token)" http://localhost:7007/api/provisioning/requests`,
    )
    .action(async () => {
      const session = await context.session();
      terminal.print(await session.token());
    });

  program
    .command('status')
    .description('Who you are on the portal, and whether the portal is healthy')
    .addHelpText(
      'after',
      `
Examples:
  $ platform status
  $ PLATFORM_URL=https://paved.example.com PLATFORM_TOKEN=… platform status --json`,
    )
    .action(async (_options, command: Command) => {
      const session = await context.session();
      let health: { ready: boolean; status: number | null; error?: string };
      try {
        const response = await fetch(
          `${session.url}/.backstage/health/v1/readiness`,
        );
        health = { ready: response.ok, status: response.status };
      } catch (error) {
        health = {
          ready: false,
          status: null,
          error: (error as Error).message,
        };
      }

      let identity: {
        signedIn: boolean;
        user: string | null;
        teams: string[];
        source: string | null;
        expiresAt: string | null;
      } = {
        signedIn: false,
        user: null,
        teams: [],
        source: session.source ?? null,
        expiresAt: null,
      };
      if (health.status !== null && session.source) {
        const portal = await context.portal();
        try {
          const info = await portal.request<UserInfo>('auth', '/v1/userinfo', {
            accept: [400, 404],
          });
          const claims = info.status === 200 ? info.body?.claims : undefined;
          identity = {
            signedIn: true,
            // A static CI token is a service, not a user: the portal's userinfo refuses it.
            user: claims?.sub ?? null,
            teams: (claims?.ent ?? []).filter(ref => ref.startsWith('group:')),
            source: session.source ?? null,
            expiresAt: session.expiresAt
              ? new Date(session.expiresAt).toISOString()
              : null,
          };
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
        }
      }

      if (context.json(command)) {
        terminal.json({ url: session.url, health, ...identity });
      } else {
        if (health.ready) {
          terminal.ok(`Portal ${session.url} is ready`);
        } else {
          terminal.bad(
            `Portal ${session.url} is not ready (${
              health.error ?? `HTTP ${health.status}`
            })`,
          );
        }
        if (!identity.signedIn) {
          terminal.bad(
            'Not signed in (run `platform login`, or set PLATFORM_TOKEN in CI)',
          );
        } else if (identity.user) {
          terminal.ok(
            `Signed in as ${identity.user}${
              identity.teams.length ? ` (${identity.teams.join(', ')})` : ''
            } via ${identity.source}${
              identity.expiresAt
                ? `; token valid until ${identity.expiresAt}, renewed automatically`
                : ''
            }`,
          );
        } else {
          terminal.ok(`Signed in with a service token (${identity.source})`);
        }
      }
      if (!health.ready || !identity.signedIn) {
        throw new SilentExit(health.ready ? EXIT_NOT_SIGNED_IN : EXIT_FAILED);
      }
    });
}
