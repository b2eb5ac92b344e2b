import { DatabaseProvider, ProviderId } from './types';

/** The providers this backend can use, by id; which environment uses which comes from config. */
export class ProviderRegistry {
  private readonly providers = new Map<ProviderId, DatabaseProvider>();
  private readonly unavailable = new Map<ProviderId, string>();

  constructor(providers: DatabaseProvider[] = []) {
    for (const provider of providers) this.add(provider);
  }

  add(provider: DatabaseProvider): void {
    this.providers.set(provider.id, provider);
    this.unavailable.delete(provider.id);
  }

  /** Records why a configured provider could not be set up, so requests for it fail with that reason. */
  markUnavailable(id: ProviderId, reason: string): void {
    this.unavailable.set(id, reason);
  }

  get(id: ProviderId): DatabaseProvider {
    const provider = this.providers.get(id);
    if (!provider) {
      const reason = this.unavailable.get(id);
      throw new Error(
        `Provider "${id}" is not available${
          reason ? `: ${reason}` : ' in this backend'
        }`,
      );
    }
    return provider;
  }

  ids(): ProviderId[] {
    return [...this.providers.keys()];
  }
}
