import {
  SessionState,
  type BackstageIdentityApi,
  type BackstageIdentityResponse,
  type DiscoveryApi,
  type ProfileInfo,
  type ProfileInfoApi,
  type SessionApi,
} from '@backstage/frontend-plugin-api';
import type { Observable, Observer } from '@backstage/types';

interface Session {
  identity: BackstageIdentityResponse;
  profile: ProfileInfo;
  expiresAt: number;
}

/** Renew the token this long before it expires. */
const RENEW_BEFORE_MS = 60_000;

/**
 * Sign-in as one of the development users (`guest`, `guest-platform`): asks the backend's
 * `/api/auth/<provider>/refresh` for a Backstage token, with `X-Requested-With: XMLHttpRequest`
 * as the backend requires, and renews it before it expires. The backend serves these providers
 * only in development.
 */
export class DevelopmentUserAuth
  implements BackstageIdentityApi, ProfileInfoApi, SessionApi
{
  private session?: Session;
  private pending?: Promise<Session>;
  private readonly observers = new Set<Observer<SessionState>>();

  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; provider: string },
  ) {}

  // Also answers the sign-in page's `optional` check on load: like Backstage's guest sign-in, a
  // development user is always available, so the earlier choice stays signed in.
  async getBackstageIdentity(): Promise<BackstageIdentityResponse | undefined> {
    return (await this.currentSession()).identity;
  }

  async getProfile(): Promise<ProfileInfo | undefined> {
    return (await this.currentSession()).profile;
  }

  async signIn(): Promise<void> {
    await this.currentSession();
  }

  async signOut(): Promise<void> {
    this.session = undefined;
    this.publish(SessionState.SignedOut);
  }

  sessionState$(): Observable<SessionState> {
    const observers = this.observers;
    const current = () =>
      this.session ? SessionState.SignedIn : SessionState.SignedOut;
    const observable: Observable<SessionState> = {
      [Symbol.observable]: () => observable,
      subscribe(
        observerOrNext?: Observer<SessionState> | ((value: SessionState) => void),
      ) {
        const observer: Observer<SessionState> =
          typeof observerOrNext === 'function'
            ? { next: observerOrNext }
            : observerOrNext ?? {};
        observers.add(observer);
        observer.next?.(current());
        return {
          get closed() {
            return !observers.has(observer);
          },
          unsubscribe() {
            observers.delete(observer);
          },
        };
      },
    };
    return observable;
  }

  private async currentSession(): Promise<Session> {
    if (this.session && this.session.expiresAt - RENEW_BEFORE_MS > Date.now()) {
      return this.session;
    }
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(): Promise<Session> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('auth');
    const response = await fetch(
      `${baseUrl}/${this.options.provider}/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        credentials: 'include',
      },
    );
    const body = await response.json().catch(() => undefined);
    if (!response.ok || !body?.backstageIdentity) {
      throw new Error(
        body?.error?.message ??
          `Sign-in failed: ${response.status} ${response.statusText}`,
      );
    }
    const { token, identity, expiresInSeconds } = body.backstageIdentity;
    const expiresAt = Date.now() + (expiresInSeconds ?? 3600) * 1000;
    this.session = {
      identity: { token, identity, expiresAt: new Date(expiresAt) },
      profile: body.profile ?? {},
      expiresAt,
    };
    this.publish(SessionState.SignedIn);
    return this.session;
  }

  private publish(state: SessionState) {
    for (const observer of this.observers) observer.next?.(state);
  }
}
