import { CliError, EXIT_BAD_INPUT, notSignedIn } from '../errors';
import { CredentialStore, StoredSession } from './CredentialStore';
import { signInAsGuest } from './guestSignIn';
import { refreshOAuthSession } from './oauthSignIn';
import { normalizePortalUrl } from './portalUrl';

/** Renew a token this long before it runs out, so a request never starts with a dying one. */
const RENEW_BEFORE_MS = 60_000;

export type TokenSource = 'PLATFORM_TOKEN' | 'oauth' | 'guest';

/**
 * Which portal the CLI talks to and with whose token. `PLATFORM_URL` and `PLATFORM_TOKEN`
 * (CI) win over what `platform login` stored; a stored token is renewed when it is about to
 * expire (OAuth: the refresh token; guest: a new guest token).
 */
export class Session {
  private constructor(
    readonly url: string,
    private readonly store: CredentialStore,
    private readonly staticToken: string | undefined,
    private stored: StoredSession | undefined,
  ) {}

  static async resolve(
    env: NodeJS.ProcessEnv,
    store: CredentialStore,
  ): Promise<Session> {
    const current = await store.current();
    const rawUrl = env.PLATFORM_URL || current?.url;
    if (!rawUrl) {
      throw new CliError(
        'No portal chosen: run `platform login --url <portal>` (CI: set PLATFORM_URL and PLATFORM_TOKEN)',
        EXIT_BAD_INPUT,
      );
    }
    const url = normalizePortalUrl(rawUrl);
    return new Session(
      url,
      store,
      env.PLATFORM_TOKEN || undefined,
      await store.get(url),
    );
  }

  get source(): TokenSource | undefined {
    if (this.staticToken) return 'PLATFORM_TOKEN';
    return this.stored?.method;
  }

  /** The portal's web address for links (the backend's when the consent page never told). */
  get appUrl(): string {
    return this.stored?.appUrl ?? this.url;
  }

  get expiresAt(): number | undefined {
    return this.staticToken ? undefined : this.stored?.expiresAt;
  }

  /** A token that is valid now, renewed first when needed. */
  async token(): Promise<string> {
    if (this.staticToken) {
      return this.staticToken;
    }
    const stored = this.stored;
    if (!stored) {
      throw notSignedIn(this.url);
    }
    if (stored.expiresAt - RENEW_BEFORE_MS > Date.now()) {
      return stored.accessToken;
    }
    let renewed: StoredSession;
    try {
      renewed =
        stored.method === 'guest'
          ? {
              ...(await signInAsGuest({ url: stored.url })),
              appUrl: stored.appUrl,
            }
          : await refreshOAuthSession(stored);
    } catch (error) {
      if (error instanceof CliError) {
        throw notSignedIn(this.url);
      }
      throw error;
    }
    await this.store.save(renewed);
    this.stored = renewed;
    return renewed.accessToken;
  }

  /** Called when the portal answered 401 to a token the CLI thought valid. */
  async forgetToken(): Promise<void> {
    if (this.stored && !this.staticToken) {
      this.stored = { ...this.stored, expiresAt: 0 };
    }
  }
}
