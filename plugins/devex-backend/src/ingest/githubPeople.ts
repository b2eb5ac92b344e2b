import { personSchema } from '@paved/plugin-devex-common';

/**
 * `{ [field]: login }` for a GitHub login DevEx can store as a person, or `{}`: a missing or
 * malformed login leaves the change or deployment without one rather than refusing the delivery.
 * Logins are matched to User entities when onboarding is asked for (by the catalog's
 * `github.com/user-login` annotation, else the entity's name).
 */
export function githubPerson<F extends 'author' | 'triggeredBy'>(
  field: F,
  login: string | null | undefined,
): Partial<Record<F, string>> {
  // A login never contains ':', so it cannot pass for an entity ref.
  if (!login || login.includes(':') || !personSchema.safeParse(login).success)
    return {};
  return { [field]: login } as Partial<Record<F, string>>;
}
