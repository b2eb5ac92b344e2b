/** When DevEx first saw a User entity in the catalog. */
export interface UserSighting {
  firstSeenAt: number;
  /**
   * Seen by DevEx's first look at the catalog (or within a day of it, while a starting portal may
   * still be ingesting its organisation): the user was there before tracking began, so
   * `firstSeenAt` is not their first appearance.
   */
  beforeTracking: boolean;
}

/** A person's identity (user ref or login, lower case) and the start of their onboarding. */
export interface OnboardingIdentity {
  identity: string;
  startAt: number;
}

/** The first milestones an identity reached at or after its start (epoch ms), null if not yet. */
export interface FirstContributions {
  firstMergeAt: number | null;
  firstDeployAt: number | null;
}

/** Storage for time to onboard. */
export interface OnboardingStore {
  /**
   * Records the users not seen before as first seen at `now` (on the first look and within a day
   * of it, as there before tracking began) and returns every sighting stored, by user ref.
   */
  recordSightings(
    userRefs: string[],
    now: number,
  ): Promise<Map<string, UserSighting>>;

  /**
   * Per identity, the first merged change it authored and the first successful production
   * deployment it triggered, each at or after its start.
   */
  firstContributions(
    identities: OnboardingIdentity[],
  ): Promise<Map<string, FirstContributions>>;
}
